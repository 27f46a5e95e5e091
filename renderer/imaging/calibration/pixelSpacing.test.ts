import { describe, expect, it } from 'vitest';
import { magnificationFactor, resolvePixelSpacing, spacingPair } from './pixelSpacing';

describe('resolvePixelSpacing', () => {
  it('divides Imager Pixel Spacing by the ERMF (breast-plane spacing)', () => {
    const spacing = resolvePixelSpacing({ ImagerPixelSpacing: [0.1, 0.1], EstimatedRadiographicMagnificationFactor: 1.08 });
    expect(spacing.source).toBe('imager-ermf');
    expect(spacing.row).toBeCloseTo(0.0925926, 6);
    expect(spacing.column).toBeCloseTo(0.0925926, 6);
    expect(spacing.ermf).toBe(1.08);
  });

  it('uses the detector spacing as it is without a magnification factor', () => {
    expect(resolvePixelSpacing({ ImagerPixelSpacing: [0.07, 0.065] })).toEqual({ row: 0.07, column: 0.065, source: 'imager' });
    // ERMF 1 (contact mammography) divides by one.
    expect(resolvePixelSpacing({ ImagerPixelSpacing: [0.1, 0.1], EstimatedRadiographicMagnificationFactor: 1 })).toMatchObject({ row: 0.1, column: 0.1 });
  });

  it('prefers Imager Pixel Spacing / ERMF over an uncalibrated Pixel Spacing', () => {
    const spacing = resolvePixelSpacing({ PixelSpacing: [0.1, 0.1], ImagerPixelSpacing: [0.1, 0.1], EstimatedRadiographicMagnificationFactor: [1.25] });
    expect(spacing.row).toBeCloseTo(0.08, 9);
  });

  it('prefers Pixel Spacing over a detector spacing with no magnification factor', () => {
    expect(resolvePixelSpacing({ PixelSpacing: [0.139, 0.139], ImagerPixelSpacing: [0.15, 0.15] })).toEqual({ row: 0.139, column: 0.139, source: 'pixel-spacing' });
  });

  it('keeps a deliberately calibrated Pixel Spacing', () => {
    const spacing = resolvePixelSpacing({ PixelSpacing: [0.08, 0.08], PixelSpacingCalibrationType: 'GEOMETRY', ImagerPixelSpacing: [0.1, 0.1], EstimatedRadiographicMagnificationFactor: 1.2 });
    expect(spacing).toEqual({ row: 0.08, column: 0.08, source: 'calibrated-pixel-spacing' });
  });

  it('falls back to Pixel Spacing, then to uncalibrated pixels', () => {
    expect(resolvePixelSpacing({ PixelSpacing: ['0.168', '0.168'] })).toEqual({ row: 0.168, column: 0.168, source: 'pixel-spacing' });
    expect(resolvePixelSpacing({})).toEqual({ row: 1, column: 1, source: 'uncalibrated' });
  });

  it('treats zero, negative and garbage spacing as absent (NEMA RG1: 0.000\\0.000)', () => {
    expect(resolvePixelSpacing({ PixelSpacing: [0, 0] }).source).toBe('uncalibrated');
    expect(resolvePixelSpacing({ ImagerPixelSpacing: [-0.1, 0.1], PixelSpacing: [0.2, 0.2] }).source).toBe('pixel-spacing');
    expect(resolvePixelSpacing({ ImagerPixelSpacing: 'abc' }).source).toBe('uncalibrated');
  });

  it('ignores a magnification factor below 1, which SID/SOD cannot produce', () => {
    expect(resolvePixelSpacing({ ImagerPixelSpacing: [0.1, 0.1], EstimatedRadiographicMagnificationFactor: 0.5 })).toEqual({ row: 0.1, column: 0.1, source: 'imager' });
  });
});

describe('spacing parsing', () => {
  it('reads DS strings and single values', () => {
    expect(spacingPair('0.1\\0.2')).toEqual([0.1, 0.2]);
    expect(spacingPair([0.3])).toEqual([0.3, 0.3]);
    expect(spacingPair(undefined)).toBeUndefined();
    expect(magnificationFactor(['1.1'])).toBe(1.1);
  });
});
