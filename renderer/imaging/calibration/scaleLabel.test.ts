import { describe, expect, it } from 'vitest';
import { describeScale } from './scaleLabel';

describe('describeScale', () => {
  it('names 1:1 by device pixels', () => {
    expect(describeScale({ zoom: 3, cssPerImagePixel: 0.5, devicePixelRatio: 2 })).toBe('1:1');
  });

  it('names true size only for calibrated images', () => {
    expect(describeScale({ zoom: 1.9, cssPerImagePixel: 0.378, devicePixelRatio: 1, trueSizeCssPerImagePixel: 0.3779 })).toBe('True size');
    expect(describeScale({ zoom: 1.9, cssPerImagePixel: 0.378, devicePixelRatio: 1 })).toBe('38 %');
  });

  it('says fit with the native percentage when zoomed as hung', () => {
    expect(describeScale({ zoom: 1, cssPerImagePixel: 0.2, devicePixelRatio: 1 })).toBe('Fit 20 %');
  });
});
