import type { StudyAiResult, ViewResult } from '../../../shared/domain/ai-result';

/** "R CC", "L MLO", "PA": how a radiologist names the view a result belongs to. */
export function viewName(view: Pick<ViewResult, 'laterality' | 'view'>, fallback: string): string {
  return [view.laterality, view.view].filter(Boolean).join(' ') || fallback;
}

/** The label with the highest score (for a categorical model such as breast density). */
export function topLabel(scores: Record<string, number>): string | undefined {
  let best: string | undefined;
  for (const [label, score] of Object.entries(scores)) if (best === undefined || score > scores[best]!) best = label;
  return best;
}

/**
 * The study's category at the operating point: for a categorical task (density) the top label,
 * otherwise whether the study reaches the threshold, and for chest the findings that do.
 */
export type StudyCategory =
  | { kind: 'class'; label: string }
  | { kind: 'positive'; findings: string[] }
  | { kind: 'negative' };

export function studyCategory(result: StudyAiResult): StudyCategory {
  if (result.pack.task.includes('density')) {
    const label = topLabel(result.study.scores);
    if (label) return { kind: 'class', label };
  }
  if (!result.study.positive) return { kind: 'negative' };
  return { kind: 'positive', findings: result.findings.filter((f) => f.positive).map((f) => f.finding) };
}

/** A score as the panel shows it: two decimals (0.00–1.00). */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(2) : '—';
}

/** Milliseconds as "850 ms" or "2.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
