/** Area under the ROC curve (Mann–Whitney, ties count half); NaN without both classes. */
export function auc(scores: readonly number[], positive: readonly boolean[]): number {
  const pos = scores.filter((_, i) => positive[i]);
  const neg = scores.filter((_, i) => !positive[i]);
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/** Sensitivity and specificity of `score >= threshold`. */
export function sensSpec(scores: readonly number[], positive: readonly boolean[], threshold: number): { sensitivity: number; specificity: number } {
  let tp = 0;
  let fn = 0;
  let tn = 0;
  let fp = 0;
  scores.forEach((s, i) => {
    const above = s >= threshold;
    if (positive[i] && above) tp++;
    else if (positive[i]) fn++;
    else if (above) fp++;
    else tn++;
  });
  return { sensitivity: tp / Math.max(1, tp + fn), specificity: tn / Math.max(1, tn + fp) };
}
