import { useEffect, useRef, useState } from 'react';
import { LOCAL_SOURCE_ID, type StudySummary } from '../../../shared/domain/study';
import { useApi } from '../../app/api-context';
import { ErrorBanner } from '../../app/ErrorBanner';
import { ReportPanel, readingKindOf } from '../report/ReportPanel';
import { formatDicomDate, formatPatientName } from '../../app/format';
import { useT } from '../../app/i18n';
import { releaseAllPart10 } from '../../imaging/part10';
import { AiReadingArea } from '../ai/AiReadingArea';
import { HangingSlot } from './HangingSlot';
import { useHangingSession } from './useHangingSession';
import { useLocalStudy } from './useLocalStudy';
import { slotViewportId, useLinkedPairs } from './useLinkedPairs';
import { useScaleGroups } from './useScaleGroups';
import { useStageStepping } from './useStageStepping';
import { ViewerToolbar } from './ViewerToolbar';

interface Props {
  summary: StudySummary;
  onBack(): void;
}

/**
 * Reads a study as its hanging protocol lays it out: mammography 4-up with chest walls facing,
 * then current against prior, then single views; chest PA and lateral; a grid for anything else.
 * Page Down / Page Up (or N / B) step through the stages.
 */
export function ViewerPage({ summary, onBack }: Props) {
  const t = useT();
  const api = useApi();
  const state = useLocalStudy(summary);
  // Closing a study (or opening another) frees its files and decoded images.
  useEffect(() => () => releaseAllPart10(), [summary.studyInstanceUID]);
  const hanging = useHangingSession(state.status === 'ready' ? state.study : undefined);
  const hung = hanging.status === 'ready' ? hanging.hung : undefined;
  const [stageIndex, setStageIndex] = useStageStepping(hung);
  const stage = hung?.stages[stageIndex];
  const gridRef = useRef<HTMLDivElement>(null);
  const scaleFactors = useScaleGroups(gridRef, stage);
  useLinkedPairs(stage, stageIndex);
  // The AI's read (its controls, panel and heatmaps) exists in this page only once the reader's
  // own first read is signed and revealed; studies without a reading template have no blind read.
  const [revealed, setRevealed] = useState(false);
  useEffect(() => setRevealed(false), [summary.studyInstanceUID]);
  const aiAllowed = !readingKindOf(summary) || revealed;

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
        {hung && (
          <nav className="stages" aria-label={t('viewer.stages')}>
            {hung.stages.map((s, i) =>
              s.filled > 0 ? (
                <button key={s.name} type="button" aria-pressed={i === stageIndex} onClick={() => setStageIndex(i)} data-testid="stage">
                  {s.name}
                </button>
              ) : null,
            )}
          </nav>
        )}
      </header>
      <ViewerToolbar />
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
      {hanging.status === 'error' && <ErrorBanner error={hanging.error} />}
      <div className="viewer-body">
        {stage && (
          <div
            ref={gridRef}
            className="viewport-grid"
            data-testid="stage-grid"
            data-protocol={hung?.protocolId}
            data-stage={stage.name}
            style={{ gridTemplateColumns: `repeat(${stage.layout.columns}, 1fr)`, gridTemplateRows: `repeat(${stage.layout.rows}, 1fr)` }}
          >
            {stage.slots.map((slot) => (
              <div className="viewport-cell" key={`${stage.name}:${slot.slotId}`} style={{ gridRow: slot.row + 1, gridColumn: slot.column + 1 }}>
                <HangingSlot slot={slot} viewportId={slotViewportId(stageIndex, slot.slotId)} scaleFactor={scaleFactors.get(slot.slotId)} />
              </div>
            ))}
          </div>
        )}
        {state.status === 'ready' && aiAllowed && <AiReadingArea summary={summary} />}
        {state.status === 'ready' && <ReportPanel summary={summary} onRevealedChange={setRevealed} />}
      </div>
    </section>
  );
}
