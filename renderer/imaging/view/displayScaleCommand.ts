import type { Types } from '@cornerstonejs/core';
import { getScreenCssPxPerMm } from '../calibration/screenCalibration';
import {
  parallelScaleFor,
  pixelScaleCssPerImagePixel,
  trueSizeCssPerImagePixel,
  type DisplayScale,
} from '../calibration/displayScale';
import { isCalibratedViewport, readingViewport, worldPerImagePixel } from './readingViewport';

const dpr = (): number => (typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1);

/** CSS pixels per image pixel that `scale` asks for, or undefined (fit, or true size without calibration). */
export function targetCssPerImagePixel(viewport: Types.IStackViewport, scale: DisplayScale): number | undefined {
  if (scale === 'pixel') return pixelScaleCssPerImagePixel(dpr());
  if (scale === 'true-size') {
    return isCalibratedViewport(viewport) ? trueSizeCssPerImagePixel(worldPerImagePixel(viewport), getScreenCssPxPerMm()) : undefined;
  }
  return undefined;
}

/** Apply `scale` to a viewport object, keeping the point at the centre where it is. */
export function applyDisplayScale(viewport: Types.IStackViewport, scale: DisplayScale): boolean {
  if (scale === 'fit') {
    viewport.resetCamera({ resetPan: true, resetZoom: true });
    viewport.render();
    return true;
  }
  const cssPerPixel = targetCssPerImagePixel(viewport, scale);
  const worldPerPixel = worldPerImagePixel(viewport);
  const height = viewport.element.clientHeight;
  if (cssPerPixel === undefined || worldPerPixel === undefined || !(height > 0)) return false;
  viewport.setCamera({ parallelScale: parallelScaleFor(height, cssPerPixel, worldPerPixel) });
  viewport.render();
  return true;
}

/**
 * Show a viewport's image fitted, at 1:1 (one image pixel per device pixel) or at true size
 * (image mm = screen mm, by the screen calibration in screenCalibration.ts). Returns false when
 * the viewport is not showing an image, or for true size when the image has no calibrated
 * spacing (a reader must not be told an uncalibrated image is life-size).
 */
export function setDisplayScale(viewportId: string, scale: DisplayScale): boolean {
  const viewport = readingViewport(viewportId);
  return viewport ? applyDisplayScale(viewport, scale) : false;
}
