/**
 * Millimetres per image pixel for a projection radiograph, resolved once from its attributes.
 *
 * Precedence (DOMAIN.md §1.1; PS3.3 C.8.11.7 and C.8.24.2):
 * 1. Pixel Spacing with a Pixel Spacing Calibration Type (FIDUCIAL or GEOMETRY): someone
 *    calibrated the image in the patient plane on purpose, so that wins.
 * 2. Imager Pixel Spacing divided by Estimated Radiographic Magnification Factor: the detector
 *    spacing brought back to the breast (or patient) plane.
 * 3. Pixel Spacing.
 * 4. Imager Pixel Spacing as it is (detector plane: sizes read a little large).
 * 5. Nothing usable: measurements are in pixels and say "uncalibrated".
 * This is the order shared/hanging/display-spacing.ts scales images by, so what is measured and
 * what is shown same-size agree (cornerstone's getPixelSpacingInformation also prefers Pixel
 * Spacing over an uncorrected Imager Pixel Spacing).
 * Zero, negative or non-numeric values (e.g. NEMA RG1's `0.000\0.000`) count as absent.
 */

/** Where the spacing came from. */
export type SpacingSource = 'calibrated-pixel-spacing' | 'imager-ermf' | 'imager' | 'pixel-spacing' | 'uncalibrated';

/** The DICOM attributes this reads, as the naturalized instance names them. */
export interface SpacingAttributes {
  PixelSpacing?: unknown;
  ImagerPixelSpacing?: unknown;
  EstimatedRadiographicMagnificationFactor?: unknown;
  PixelSpacingCalibrationType?: unknown;
}

/** Spacing between rows (vertical) and between columns (horizontal), in mm; 1 when uncalibrated. */
export interface ResolvedSpacing {
  row: number;
  column: number;
  source: SpacingSource;
  /** The magnification factor divided out, when one was. */
  ermf?: number;
}

const positive = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
};

/** A two-valued DS (`row\column`) as numbers, or undefined unless both are positive. */
export function spacingPair(value: unknown): [number, number] | undefined {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split('\\') : [];
  const row = positive(list[0]);
  const column = positive(list.length > 1 ? list[1] : list[0]);
  return row !== undefined && column !== undefined ? [row, column] : undefined;
}

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** The ERMF when it is a real magnification (≥ 1); SID/SOD can only enlarge. */
export function magnificationFactor(value: unknown): number | undefined {
  const n = positive(first(value));
  return n !== undefined && n >= 1 ? n : undefined;
}

/** Resolve mm per pixel from an image's attributes (see the module comment for the order). */
export function resolvePixelSpacing(attributes: SpacingAttributes): ResolvedSpacing {
  const pixel = spacingPair(attributes.PixelSpacing);
  const calibrationType = String(first(attributes.PixelSpacingCalibrationType) ?? '').trim().toUpperCase();
  if (pixel && (calibrationType === 'FIDUCIAL' || calibrationType === 'GEOMETRY')) {
    return { row: pixel[0], column: pixel[1], source: 'calibrated-pixel-spacing' };
  }
  const imager = spacingPair(attributes.ImagerPixelSpacing);
  const ermf = magnificationFactor(attributes.EstimatedRadiographicMagnificationFactor);
  if (imager && ermf !== undefined) return { row: imager[0] / ermf, column: imager[1] / ermf, source: 'imager-ermf', ermf };
  if (pixel) return { row: pixel[0], column: pixel[1], source: 'pixel-spacing' };
  if (imager) return { row: imager[0], column: imager[1], source: 'imager' };
  return { row: 1, column: 1, source: 'uncalibrated' };
}

/** True when measurements can be given in millimetres. */
export const isCalibrated = (spacing: ResolvedSpacing): boolean => spacing.source !== 'uncalibrated';
