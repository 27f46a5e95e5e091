import { useState } from 'react';
import { LOCAL_SOURCE_ID, type StudyQuery, type StudySummary } from '../../../shared/domain/study';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { toErrorData } from '../../../shared/ipc/errors';
import { ErrorBanner } from '../../app/ErrorBanner';
import { useWorklist, PAGE_SIZE } from './useWorklist';
import { WorklistFilters } from './WorklistFilters';
import { WorklistTable } from './WorklistTable';

interface Props {
  sourceId: string;
  onOpen(study: StudySummary): void;
}

/** Search a source and open a study. */
export function WorklistPage({ sourceId, onOpen }: Props) {
  const t = useT();
  const [filters, setFilters] = useState<StudyQuery>({});
  const api = useApi();
  const { studies, hasMore, loading, error, offset, setOffset } = useWorklist(sourceId, filters);
  const [notice, setNotice] = useState<string>();
  const empty = !loading && !error && studies.length === 0;
  const makeOffline = () =>
    api.studies.makeAvailableOffline(sourceId, studies.map((s) => s.studyInstanceUID)).then(
      (r) => setNotice(`${t('worklist.offlineQueued')}: ${r.queued}`),
      (err: unknown) => setNotice(toErrorData(err).message),
    );
  return (
    <section className="worklist-page" aria-busy={loading}>
      <WorklistFilters onSearch={setFilters} />
      {error && <ErrorBanner error={error} />}
      {loading && <p className="status" role="status">{t('worklist.loading')}</p>}
      {empty && <p className="status" data-testid="worklist-empty">{t(sourceId === LOCAL_SOURCE_ID ? 'worklist.empty.local' : 'worklist.empty.pacs')}</p>}
      {studies.length > 0 && <WorklistTable studies={studies} onOpen={onOpen} />}
      <nav className="pager">
        {sourceId !== LOCAL_SOURCE_ID && studies.length > 0 && (
          <button type="button" onClick={() => void makeOffline()}>
            {t('worklist.offline')}
          </button>
        )}
        {notice && <span className="status" role="status">{notice}</span>}
        <button type="button" disabled={offset === 0 || loading} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          {t('worklist.previous')}
        </button>
        <button type="button" disabled={!hasMore || loading} onClick={() => setOffset(offset + PAGE_SIZE)}>
          {t('worklist.more')}
        </button>
      </nav>
    </section>
  );
}
