import type { SourceImage } from '../source-image';
import type { WorkingImage } from './working-image';

/** Stored values → modality values (RescaleSlope · stored + RescaleIntercept). */
export function applyModalityLut(image: WorkingImage, source: SourceImage): void {
  const { rescaleSlope: slope, rescaleIntercept: intercept } = source;
  if (slope === 1 && intercept === 0) return;
  const d = image.data;
  for (let i = 0; i < d.length; i++) d[i] = d[i]! * slope + intercept;
}

export function minMax(d: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The p-th percentile (0–100) by sorting a copy; nearest-rank, as radiology tools do. */
export function percentile(d: Float64Array, p: number): number {
  const sorted = Float64Array.from(d).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[rank]!;
}

/** DICOM linear VOI (PS3.3 C.11.2.1.2.1) to 0–1. */
export function applyWindow(image: WorkingImage, center: number, width: number): void {
  const d = image.data;
  const w = Math.max(1, width);
  for (let i = 0; i < d.length; i++) {
    const v = (d[i]! - (center - 0.5)) / (w - 1) + 0.5;
    d[i] = v <= 0 ? 0 : v >= 1 ? 1 : v;
  }
}

/** Linear map of lo…hi to 0–1, clamped. */
export function applyRange(image: WorkingImage, lo: number, hi: number): void {
  const d = image.data;
  const span = hi > lo ? hi - lo : 1;
  for (let i = 0; i < d.length; i++) {
    const v = (d[i]! - lo) / span;
    d[i] = v <= 0 ? 0 : v >= 1 ? 1 : v;
  }
}

/** Inverts a 0–1 image that was MONOCHROME1, so that brighter always means more attenuation. */
export function invertIfMonochrome1(image: WorkingImage, source: SourceImage): void {
  if (source.photometric !== 'MONOCHROME1') return;
  const d = image.data;
  const [lo, hi] = minMax(d);
  for (let i = 0; i < d.length; i++) d[i] = hi + lo - d[i]!;
}

/** x → (x − mean) / std over the whole image (population std, as numpy's default). */
export function standardise(image: WorkingImage): void {
  const d = image.data;
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum += d[i]!;
  const mean = sum / d.length;
  let sq = 0;
  for (let i = 0; i < d.length; i++) {
    const e = d[i]! - mean;
    sq += e * e;
  }
  const std = Math.sqrt(sq / d.length) || 1;
  for (let i = 0; i < d.length; i++) d[i] = (d[i]! - mean) / std;
}

export function scale(image: WorkingImage, factor: number, offset: number): void {
  const d = image.data;
  for (let i = 0; i < d.length; i++) d[i] = d[i]! * factor + offset;
}
