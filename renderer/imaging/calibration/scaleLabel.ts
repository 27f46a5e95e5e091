/** What the corner says about the display scale, from how the camera compares to each target. */
export interface ScaleReadout {
  /** cornerstone's zoom against the hanging camera: 1 when fitted as hung. */
  zoom: number;
  /** CSS pixels one image pixel takes now. */
  cssPerImagePixel: number;
  devicePixelRatio: number;
  /** CSS pixels per image pixel at true size; undefined when the image is uncalibrated. */
  trueSizeCssPerImagePixel?: number;
}

const near = (a: number, b: number, tolerance = 0.01): boolean => Math.abs(a / b - 1) < tolerance;

/** "Fit", "1:1", "True size", or the zoom against native pixels ("42 %"). */
export function describeScale({ zoom, cssPerImagePixel, devicePixelRatio, trueSizeCssPerImagePixel }: ScaleReadout): string {
  const native = cssPerImagePixel * devicePixelRatio;
  if (near(native, 1)) return '1:1';
  if (trueSizeCssPerImagePixel !== undefined && near(cssPerImagePixel, trueSizeCssPerImagePixel)) return 'True size';
  if (near(zoom, 1, 0.005)) return `Fit ${Math.round(native * 100)} %`;
  return `${Math.round(native * 100)} %`;
}
