import type { Aggregation } from './manifest';

/** Combines scores of several views (or breasts) into one. */
export function aggregate(values: readonly number[], how: Aggregation): number {
  if (values.length === 0) return 0;
  if (how === 'max') return Math.max(...values);
  if (how === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
  return 1 - values.reduce((p, v) => p * (1 - Math.min(1, Math.max(0, v))), 1);
}

/** Aggregates every label of a list of score records. */
export function aggregateScores(records: readonly Record<string, number>[], how: Aggregation): Record<string, number> {
  const labels = new Set(records.flatMap((r) => Object.keys(r)));
  return Object.fromEntries([...labels].map((label) => [label, aggregate(records.map((r) => r[label] ?? 0), how)]));
}
