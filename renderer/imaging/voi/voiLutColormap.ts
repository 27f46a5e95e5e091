import type { VoiLutTable } from './voiPresets';

/** The most nodes a VOI LUT curve keeps on the GPU transfer function. */
const MAX_NODES = 1024;

/** A greyscale curve in cornerstone's colormap form: [x, r, g, b, ...] with x and grey in 0..1. */
export interface GreyCurve {
  RGBPoints: number[];
  /** The stored-value range the curve spans: its VOI range. */
  lower: number;
  upper: number;
}

/**
 * A VOI LUT as a greyscale transfer curve. cornerstone 5.14 applies a VOI LUT Sequence only on its
 * CPU path; on the GPU it renders window/level. The curve becomes a colormap whose x runs over
 * the LUT's input range, which cornerstone maps onto the VOI range, so the rendering follows the
 * vendor's LUT (piecewise linear between at most 1024 samples). Output is scaled by the bits its
 * largest value needs, as cornerstone's CPU path does (LUT Descriptor bit depths are often wrong).
 */
export function voiLutCurve(table: VoiLutTable): GreyCurve | undefined {
  const { values, firstValueMapped } = table;
  if (values.length < 2) return undefined;
  const max = values.reduce((m, v) => Math.max(m, v), 0);
  const fullScale = max > 0 ? 2 ** max.toString(2).length - 1 : 1;
  const last = values.length - 1;
  const step = Math.max(1, last / (MAX_NODES - 1));
  const points: number[] = [];
  for (let position = 0; ; position += step) {
    const index = Math.min(last, Math.round(position));
    const grey = Math.min(1, Math.max(0, (values[index] ?? 0) / fullScale));
    points.push(index / last, grey, grey, grey);
    if (index === last) break;
  }
  return { RGBPoints: points, lower: firstValueMapped, upper: firstValueMapped + last };
}
