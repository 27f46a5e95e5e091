import { describe, expect, it } from 'vitest';
import { voiLutCurve } from './voiLutColormap';

describe('voiLutCurve', () => {
  it('maps the LUT input range onto the VOI range and its output onto grey', () => {
    const curve = voiLutCurve({ firstValueMapped: 100, values: [0, 1000, 3000, 4095] })!;
    expect(curve.lower).toBe(100);
    expect(curve.upper).toBe(103);
    expect(curve.RGBPoints.filter((_, i) => i % 4 === 0)).toEqual([0, 1 / 3, 2 / 3, 1]);
    expect(curve.RGBPoints[5]).toBeCloseTo(1000 / 4095, 9);
    expect(curve.RGBPoints[13]).toBe(1);
  });

  it('keeps at most 1024 nodes, first and last included', () => {
    const values = Array.from({ length: 65_536 }, (_, i) => i);
    const curve = voiLutCurve({ firstValueMapped: 0, values })!;
    expect(curve.RGBPoints.length / 4).toBeLessThanOrEqual(1024);
    expect(curve.RGBPoints.slice(0, 2)).toEqual([0, 0]);
    expect(curve.RGBPoints.slice(-4)).toEqual([1, 1, 1, 1]);
  });

  it('rejects a one-entry LUT', () => {
    expect(voiLutCurve({ firstValueMapped: 0, values: [5] })).toBeUndefined();
  });
});
