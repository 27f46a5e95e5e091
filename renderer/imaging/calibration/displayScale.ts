/**
 * The three display scales a reader asks for, as pure arithmetic on the camera.
 *
 * cornerstone's parallel camera shows `2 × parallelScale` world units over the viewport's height,
 * and world units are the image's spacing (mm when calibrated, pixels otherwise). So every scale
 * comes down to "how many CSS pixels one image pixel takes", and from that a parallelScale.
 */

/** `fit`: the whole image in the viewport; `pixel`: one image pixel per device pixel; `true-size`: image mm = screen mm. */
export type DisplayScale = 'fit' | 'pixel' | 'true-size';

export const DISPLAY_SCALES: readonly DisplayScale[] = ['fit', 'pixel', 'true-size'];

/** CSS px per physical mm under CSS's reference pixel (96 px per inch). */
export const CSS_PX_PER_MM_AT_96_DPI = 96 / 25.4;

/** CSS pixels one image pixel takes at 1:1: one device pixel. */
export function pixelScaleCssPerImagePixel(devicePixelRatio: number): number {
  return 1 / devicePixelRatio;
}

/**
 * CSS pixels one image pixel takes at true size: the pixel's size in mm times the screen's CSS
 * pixels per mm. Undefined when the image has no calibrated spacing.
 */
export function trueSizeCssPerImagePixel(mmPerImagePixel: number | undefined, cssPxPerMm: number): number | undefined {
  if (mmPerImagePixel === undefined || !(mmPerImagePixel > 0) || !(cssPxPerMm > 0)) return undefined;
  return mmPerImagePixel * cssPxPerMm;
}

/**
 * The parallelScale that shows one image pixel (of `worldPerImagePixel` world units, along the
 * viewport's vertical) as `cssPerImagePixel` CSS pixels in a viewport `viewportCssHeight` tall.
 */
export function parallelScaleFor(viewportCssHeight: number, cssPerImagePixel: number, worldPerImagePixel: number): number {
  return (viewportCssHeight / cssPerImagePixel) * worldPerImagePixel / 2;
}

/** CSS pixels one image pixel currently takes, from the camera (the inverse of parallelScaleFor). */
export function cssPerImagePixel(viewportCssHeight: number, parallelScale: number, worldPerImagePixel: number): number {
  return (viewportCssHeight * worldPerImagePixel) / (2 * parallelScale);
}

/**
 * How much to zoom a fitted image for true size: the ratio of the true-size CSS px per image pixel
 * to the fitted one. E.g. a 0.1 mm mammogram fitted at 0.2 CSS px per pixel on a 96 dpi screen
 * zooms ×1.89 (0.1 × 3.78 / 0.2).
 */
export function trueSizeZoomFactor(mmPerImagePixel: number, cssPxPerMm: number, fittedCssPerImagePixel: number): number | undefined {
  const target = trueSizeCssPerImagePixel(mmPerImagePixel, cssPxPerMm);
  return target === undefined || !(fittedCssPerImagePixel > 0) ? undefined : target / fittedCssPerImagePixel;
}
