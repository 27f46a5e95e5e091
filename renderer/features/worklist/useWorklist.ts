import { useCallback, useEffect, useState } from 'react';
import type { StudyQuery, StudySummary } from '../../../shared/domain/study';
import { toErrorData, type ErrorData } from '../../../shared/ipc/errors';
import { useApi } from '../../app/api-context';

export const PAGE_SIZE = 50;

export interface WorklistState {
  studies: StudySummary[];
  hasMore: boolean;
  loading: boolean;
  error: ErrorData | undefined;
  offset: number;
}

/** Runs worklist searches against a source; a newer search supersedes an older one. */
export function useWorklist(sourceId: string, filters: StudyQuery) {
  const api = useApi();
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<WorklistState>({ studies: [], hasMore: false, loading: true, error: undefined, offset: 0 });
  const [generation, setGeneration] = useState(0);

  useEffect(() => setOffset(0), [sourceId, filters]);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api.worklist
      .searchForStudies(sourceId, { ...filters, limit: PAGE_SIZE, offset })
      .then((result) => current && setState({ studies: result.studies, hasMore: result.hasMore, loading: false, error: undefined, offset }))
      .catch((err: unknown) => current && setState({ studies: [], hasMore: false, loading: false, error: toErrorData(err), offset }));
    return () => {
      current = false;
    };
  }, [api, sourceId, filters, offset, generation]);

  // Rows follow retrievals live: fetching n %, then cached.
  useEffect(
    () =>
      api.events.on('retrieveProgress', (p) =>
        setState((s) => ({
          ...s,
          studies: s.studies.map((study) =>
            study.studyInstanceUID !== p.studyInstanceUID || study.sourceId !== p.sourceId
              ? study
              : p.total > 0 && p.completed >= p.total
                ? { ...study, localStatus: 'cached', fetchPercent: undefined }
                : { ...study, localStatus: 'fetching', fetchPercent: p.total ? Math.floor((100 * p.completed) / p.total) : 0 },
          ),
        })),
      ),
    [api],
  );

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, setOffset, refresh };
}
