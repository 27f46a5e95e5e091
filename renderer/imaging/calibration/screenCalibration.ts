import { CSS_PX_PER_MM_AT_96_DPI } from './displayScale';

/**
 * How many pixels of this screen make a millimetre, for true-size display.
 *
 * Stored in *device* pixels per mm, which belongs to the monitor and does not change with browser
 * zoom or the OS scale factor; CSS pixels per mm are derived with the current devicePixelRatio, so
 * a reader who zooms the window keeps a correct true size. Until a settings panel calibrates it,
 * the default is CSS's reference 96 px per inch at the devicePixelRatio first seen.
 */

type Listener = () => void;

let devicePxPerMm: number | undefined;
const listeners = new Set<Listener>();

const currentDpr = (): number => (typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1);

/** CSS pixels per physical millimetre on this screen now. */
export function getScreenCssPxPerMm(): number {
  devicePxPerMm ??= CSS_PX_PER_MM_AT_96_DPI * currentDpr();
  return devicePxPerMm / currentDpr();
}

/**
 * Calibrate the screen: `cssPxPerMm` CSS pixels measured as one millimetre at the current zoom
 * (e.g. a 100 mm on-screen ruler that a reader matched with a real one). Undefined restores the
 * default. Listeners run after the change.
 */
export function setScreenCssPxPerMm(cssPxPerMm: number | undefined): void {
  if (cssPxPerMm !== undefined && !(Number.isFinite(cssPxPerMm) && cssPxPerMm > 0)) {
    throw new RangeError(`screen calibration must be a positive number of CSS px per mm, got ${cssPxPerMm}`);
  }
  devicePxPerMm = cssPxPerMm === undefined ? undefined : cssPxPerMm * currentDpr();
  for (const listener of listeners) listener();
}

/** Subscribe to calibration changes; returns the unsubscribe function. */
export function onDidChangeScreenCalibration(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
