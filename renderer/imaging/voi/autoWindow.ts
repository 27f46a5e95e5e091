/**
 * "Auto (min/max)": the window over the image's own values, leaving out the padding that marks
 * background (DOMAIN.md §2: Pixel Padding Value / Range Limit are excluded from auto-window).
 */

export interface Padding {
  /** Pixel Padding Value (0028,0120), in the same units as the pixels given. */
  value?: number;
  /** Pixel Padding Range Limit (0028,0121): with `value`, the inclusive range that is padding. */
  rangeLimit?: number;
}

/** Lowest and highest non-padding value, or undefined for an empty or all-padding image. */
export function minMaxWithoutPadding(pixels: ArrayLike<number>, padding: Padding = {}): { lower: number; upper: number } | undefined {
  const { value, rangeLimit } = padding;
  const padLow = value === undefined ? undefined : Math.min(value, rangeLimit ?? value);
  const padHigh = value === undefined ? undefined : Math.max(value, rangeLimit ?? value);
  let lower = Infinity;
  let upper = -Infinity;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i]!;
    if (padLow !== undefined && padHigh !== undefined && v >= padLow && v <= padHigh) continue;
    if (v < lower) lower = v;
    if (v > upper) upper = v;
  }
  if (lower === Infinity) return undefined;
  // A flat image still needs a window at least one value wide.
  return upper > lower ? { lower, upper } : { lower: lower - 0.5, upper: upper + 0.5 };
}
