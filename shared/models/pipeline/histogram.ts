/**
 * `numpy.histogram(values, bins, range=(min, max))[0] / values.size`: equal-width bins whose
 * edges are `linspace(min, max, bins + 1)`, the last bin closed. numpy corrects the computed bin
 * index against the edges array; this does the same, so values on an edge land where numpy puts
 * them. `float32` computes the edges and indices in single precision (how a float32 port would).
 */
export function normalisedHistogram(values: Float64Array, bins: number, precision: 'float64' | 'float32'): Float64Array {
  const round = precision === 'float32' ? Math.fround : (x: number) => x;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  lo = round(lo);
  hi = round(hi);
  const edges = new Float64Array(bins + 1);
  const step = round((hi - lo) / bins);
  for (let i = 0; i <= bins; i++) edges[i] = round(lo + i * step);
  edges[bins] = hi;
  const norm = round(bins / (hi - lo));
  const counts = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = round(values[i]!);
    let k = Math.floor(round((v - lo) * norm));
    if (k >= bins) k = bins - 1;
    if (k < 0) k = 0;
    if (v < edges[k]!) k--;
    else if (k < bins - 1 && v >= edges[k + 1]!) k++;
    counts[k]!++;
  }
  for (let i = 0; i < bins; i++) counts[i] = counts[i]! / values.length;
  return counts;
}
