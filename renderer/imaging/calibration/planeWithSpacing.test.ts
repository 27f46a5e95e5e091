import { describe, expect, it } from 'vitest';
import { planeWithSpacing } from './planeWithSpacing';

describe('planeWithSpacing', () => {
  it('puts the resolved spacing in and marks it real even without orientation/position', () => {
    const plane = { rows: 10, rowPixelSpacing: 0.1, columnPixelSpacing: 0.1, pixelSpacing: [0.1, 0.1] };
    Object.defineProperty(plane, 'usingDefaultValues', { value: true });
    const fixed = planeWithSpacing(plane, { row: 0.08, column: 0.09, source: 'imager-ermf', ermf: 1.25 });
    expect(fixed).toMatchObject({ rows: 10, rowPixelSpacing: 0.08, columnPixelSpacing: 0.09, pixelSpacing: [0.08, 0.09] });
    expect((fixed as { usingDefaultValues?: boolean }).usingDefaultValues).toBe(false);
  });

  it('flags the unit spacing of an uncalibrated image as a default', () => {
    const fixed = planeWithSpacing({ rowPixelSpacing: 0 }, { row: 1, column: 1, source: 'uncalibrated' });
    expect(fixed).toMatchObject({ rowPixelSpacing: 1, columnPixelSpacing: 1 });
    expect((fixed as { usingDefaultValues?: boolean }).usingDefaultValues).toBe(true);
  });
});
