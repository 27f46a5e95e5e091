import type { OutputSpec } from './manifest';

/** Applies the manifest's activation to one row of raw outputs and names each score by label id. */
export function scoresFromRow(row: ArrayLike<number>, output: OutputSpec): Record<string, number> {
  const values = Array.from(row).slice(0, output.labels.length);
  if (values.length !== output.labels.length) throw new Error(`The model produced ${values.length} outputs for ${output.labels.length} labels`);
  let activated = values;
  if (output.activation === 'sigmoid') activated = values.map((v) => 1 / (1 + Math.exp(-v)));
  if (output.activation === 'softmax') {
    const max = Math.max(...values);
    const exps = values.map((v) => Math.exp(v - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    activated = exps.map((e) => e / sum);
  }
  return Object.fromEntries(output.labels.map((label, i) => [label.id, activated[i]!]));
}

/** The decision score: the sum of the decision labels' scores. */
export function decisionScore(scores: Record<string, number>, output: OutputSpec): number {
  return output.decisionLabels.reduce((sum, id) => sum + (scores[id] ?? 0), 0);
}
