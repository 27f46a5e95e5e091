/**
 * The text cornerstone draws next to a measurement. cornerstone's units come as "mm", "mm ERMF",
 * "mm Proj", "px"...: the calibration suffix is dropped (Tandem has one spacing rule, see
 * calibration/pixelSpacing.ts) and pixel units say plainly that the image is uncalibrated.
 */

export const UNCALIBRATED = 'uncalibrated';

interface LengthStats {
  length?: number;
  unit?: string;
}

interface RoiStats {
  area?: number;
  areaUnit?: string;
  mean?: number;
  stdDev?: number;
  modalityUnit?: string;
  isEmptyArea?: boolean;
}

type CachedStats = Record<string, unknown> | undefined;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const isPixelUnit = (unit: string | undefined): boolean => !unit || /^(px|voxels)/.test(unit);

/** "12.3 mm", or "123 px (uncalibrated)". */
export function formatLength(length: number, unit: string | undefined): string {
  return isPixelUnit(unit) ? `${length.toFixed(0)} px (${UNCALIBRATED})` : `${length.toFixed(1)} mm`;
}

/** "Area 42.0 mm²", or "Area 4200 px² (uncalibrated)". */
export function formatArea(area: number, unit: string | undefined): string {
  return isPixelUnit(unit) ? `Area ${area.toFixed(0)} px² (${UNCALIBRATED})` : `Area ${area.toFixed(1)} mm²`;
}

/** "Mean 1234.5 SD 12.3" with the modality unit when it is a real one (not "raw"). */
export function formatMeanSd(mean: number, stdDev: number | undefined, modalityUnit: string | undefined): string {
  const unit = modalityUnit && modalityUnit !== 'raw' ? ` ${modalityUnit}` : '';
  return `Mean ${mean.toFixed(1)}${unit}${finite(stdDev) ? ` SD ${stdDev.toFixed(1)}` : ''}`;
}

const statsOf = (data: { cachedStats?: Record<string, unknown> }, targetId: string): CachedStats =>
  data.cachedStats?.[targetId] as CachedStats;

/** `getTextLines` for the length tool. */
export function lengthTextLines(data: { cachedStats?: Record<string, unknown> }, targetId: string): string[] | undefined {
  const stats = statsOf(data, targetId) as LengthStats | undefined;
  return stats && finite(stats.length) ? [formatLength(stats.length, stats.unit)] : undefined;
}

/** `getTextLines` for the ellipse and rectangle ROI tools. */
export function roiTextLines(data: { cachedStats?: Record<string, unknown> }, targetId: string): string[] | undefined {
  const stats = statsOf(data, targetId) as RoiStats | undefined;
  if (!stats) return undefined;
  const lines: string[] = [];
  if (finite(stats.area) && !stats.isEmptyArea) lines.push(formatArea(stats.area, stats.areaUnit));
  if (finite(stats.mean)) lines.push(formatMeanSd(stats.mean, stats.stdDev, stats.modalityUnit));
  return lines.length ? lines : undefined;
}
