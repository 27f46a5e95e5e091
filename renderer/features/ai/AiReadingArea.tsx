import type { StudySummary } from '../../../shared/domain/study';
import { AiResultPanel } from './AiResultPanel';
import { AiToolbar } from './AiToolbar';
import { useAiReading } from './useAiReading';

/**
 * The AI second reader of the open study: run it (or again, on another backend), follow its
 * progress, and see its result and model card. The viewer mounts this only after the blind read.
 */
export function AiReadingArea({ summary }: { summary: StudySummary }) {
  const ai = useAiReading(summary.studyInstanceUID, summary.modalitiesInStudy);
  return (
    <aside className="ai-reading-area" data-testid="ai-reading-area">
      <AiToolbar reading={ai} />
      <AiResultPanel packs={ai.packs} />
    </aside>
  );
}
