import { describe, expect, it } from 'vitest';
import { minMaxWithoutPadding } from './autoWindow';

describe('minMaxWithoutPadding', () => {
  it('spans the values, leaving out the padding value', () => {
    expect(minMaxWithoutPadding(new Uint16Array([0, 0, 120, 4000, 300]), { value: 0 })).toEqual({ lower: 120, upper: 4000 });
    expect(minMaxWithoutPadding([5, 9, 7])).toEqual({ lower: 5, upper: 9 });
  });

  it('leaves out a padding range in either order', () => {
    expect(minMaxWithoutPadding([0, 3, 10, 50], { value: 3, rangeLimit: 0 })).toEqual({ lower: 10, upper: 50 });
  });

  it('gives a usable window for flat or empty images', () => {
    expect(minMaxWithoutPadding([7, 7])).toEqual({ lower: 6.5, upper: 7.5 });
    expect(minMaxWithoutPadding([0, 0], { value: 0 })).toBeUndefined();
  });
});
