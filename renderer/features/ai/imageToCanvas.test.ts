import { describe, expect, it } from 'vitest';
import { applyAffine, cssMatrix, gridToCanvas } from './imageToCanvas';

describe('grid to canvas', () => {
  it('maps a coarse grid onto the image area the camera shows', () => {
    // A 4×2 heatmap over an image shown 400×200 CSS px from (10, 20).
    const m = gridToCanvas(4, 2, [10, 20], [410, 20], [10, 220]);
    expect(applyAffine(m, [0, 0])).toEqual([10, 20]);
    expect(applyAffine(m, [4, 2])).toEqual([410, 220]);
    expect(applyAffine(m, [1, 1])).toEqual([110, 120]);
  });

  it('follows a horizontal flip: the first column lands on the right', () => {
    const m = gridToCanvas(4, 2, [410, 20], [10, 20], [410, 220]);
    expect(applyAffine(m, [0.5, 0])[0]).toBeCloseTo(360);
    expect(applyAffine(m, [3.5, 0])[0]).toBeCloseTo(60);
  });

  it('follows a quarter turn', () => {
    // Rows run right-to-left across the canvas, columns run down it.
    const m = gridToCanvas(2, 2, [200, 0], [200, 200], [0, 0]);
    expect(applyAffine(m, [2, 0])).toEqual([200, 200]);
    expect(applyAffine(m, [0, 2])).toEqual([0, 0]);
  });

  it('writes a CSS matrix in a, b, c, d, e, f order', () => {
    expect(cssMatrix({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe('matrix(1, 2, 3, 4, 5, 6)');
  });
});
