import { LOCAL_SOURCE_ID, type StudySummary } from '../../../shared/domain/study';
import { useApi } from '../../app/api-context';
import { ErrorBanner } from '../../app/ErrorBanner';
import { formatDicomDate, formatPatientName } from '../../app/format';
import { useT } from '../../app/i18n';
import { ImageViewport } from '../../imaging/ImageViewport';
import { useImageIds } from './useImageIds';
import { useLocalStudy } from './useLocalStudy';

interface Props {
  summary: StudySummary;
  onBack(): void;
}

/**
 * Shows every image of a study in a grid. The hanging protocols of the viewer issue replace this
 * layout; the loading path (archive → bytes → image loader) stays.
 */
export function ViewerPage({ summary, onBack }: Props) {
  const t = useT();
  const api = useApi();
  const state = useLocalStudy(summary);
  const images = useImageIds(state.status === 'ready' ? state.study : undefined);
  const columns = Math.max(1, Math.ceil(Math.sqrt(images.length)));
  return (
    <section className="viewer-page">
      <header className="viewer-header">
        <button type="button" onClick={onBack}>
          ← {t('viewer.back')}
        </button>
        <span className="patient">{formatPatientName(summary.patientName)}</span>
        <span>{summary.patientID}</span>
        <span>{formatDicomDate(summary.studyDate)}</span>
        <span>{summary.studyDescription}</span>
      </header>
      {state.status === 'retrieving' && (
        <p className="status" role="status" data-testid="retrieve-progress">
          {t('viewer.retrieving')}
          {state.progress ? ` ${state.progress.completed}/${state.progress.total}` : '…'}{' '}
          {summary.sourceId !== LOCAL_SOURCE_ID && (
            <button type="button" onClick={() => void api.studies.cancelRetrieve(summary.sourceId, summary.studyInstanceUID)}>
              {t('viewer.cancel')}
            </button>
          )}
        </p>
      )}
      {state.status === 'error' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && images.length === 0 && <p className="status">{t('viewer.noImages')}</p>}
      <div className="viewport-grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {images.map((image) => (
          <div className="viewport-cell" key={image.key}>
            {image.imageId ? (
              <ImageViewport imageIds={[image.imageId]} viewportId={`vp-${image.key}`} label={image.label} />
            ) : (
              <div className="viewport-placeholder" data-render-state={image.failed ? 'error' : 'loading'}>
                {image.failed ?? '…'}
              </div>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
