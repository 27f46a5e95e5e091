import { describe, expect, it } from 'vitest';
import {
  CSS_PX_PER_MM_AT_96_DPI,
  cssPerImagePixel,
  parallelScaleFor,
  pixelScaleCssPerImagePixel,
  trueSizeCssPerImagePixel,
  trueSizeZoomFactor,
} from './displayScale';

describe('display scale arithmetic', () => {
  it('shows one image pixel per device pixel at 1:1', () => {
    expect(pixelScaleCssPerImagePixel(1)).toBe(1);
    expect(pixelScaleCssPerImagePixel(2)).toBe(0.5);
    // A 900 CSS px viewport on a 2× screen shows 1800 image rows at 1:1.
    const parallelScale = parallelScaleFor(900, pixelScaleCssPerImagePixel(2), 0.1);
    expect(parallelScale * 2).toBeCloseTo(1800 * 0.1, 9);
  });

  it('shows image mm as screen mm at true size', () => {
    // 0.1 mm pixels on a 96 dpi screen: 0.378 CSS px each.
    expect(trueSizeCssPerImagePixel(0.1, CSS_PX_PER_MM_AT_96_DPI)).toBeCloseTo(0.37795, 5);
    // The viewport then spans exactly its own height in mm: 900 px / 3.78 px/mm = 238 mm.
    const parallelScale = parallelScaleFor(900, trueSizeCssPerImagePixel(0.1, CSS_PX_PER_MM_AT_96_DPI)!, 0.1);
    expect(parallelScale * 2).toBeCloseTo(900 / CSS_PX_PER_MM_AT_96_DPI, 6);
  });

  it('gives the zoom from fit to true size', () => {
    expect(trueSizeZoomFactor(0.1, CSS_PX_PER_MM_AT_96_DPI, 0.2)).toBeCloseTo(1.8898, 4);
    // A calibrated screen at 5 CSS px per mm with 0.07 mm detector pixels fitted at 0.35 px.
    expect(trueSizeZoomFactor(0.07, 5, 0.35)).toBeCloseTo(1, 9);
  });

  it('cannot show true size without a calibrated spacing', () => {
    expect(trueSizeCssPerImagePixel(undefined, CSS_PX_PER_MM_AT_96_DPI)).toBeUndefined();
    expect(trueSizeZoomFactor(0, CSS_PX_PER_MM_AT_96_DPI, 1)).toBeUndefined();
  });

  it('reads the current scale back from the camera', () => {
    const scale = parallelScaleFor(640, 0.42, 0.085);
    expect(cssPerImagePixel(640, scale, 0.085)).toBeCloseTo(0.42, 12);
  });
});
