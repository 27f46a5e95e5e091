import { describe, expect, it } from 'vitest';
import { Tag } from '../dicom/tags';
import { displaySpacing } from './display-spacing';
import { imageAttributesFromDicomJson } from './image-attributes';
import { attrs, instance } from './testing/vendor-datasets';

describe('displaySpacing', () => {
  it('corrects the detector spacing by the magnification factor (breast plane)', () => {
    const s = displaySpacing(attrs({ sop: '1.1', imagerPixelSpacing: [0.1, 0.1], ermf: 1.25 }));
    expect(s?.source).toBe('magnification-corrected');
    expect(s?.rowMm).toBeCloseTo(0.08);
    expect(s?.columnMm).toBeCloseTo(0.08);
  });

  it('uses PixelSpacing without a magnification factor, then the detector spacing, then nothing', () => {
    const ds = instance({ sop: '1.2', imagerPixelSpacing: [0.2, 0.2] });
    ds[Tag.PixelSpacing] = { vr: 'DS', Value: [0.15, 0.16] };
    expect(displaySpacing(imageAttributesFromDicomJson(ds))).toEqual({ rowMm: 0.15, columnMm: 0.16, source: 'pixel-spacing' });
    expect(displaySpacing(attrs({ sop: '1.3', imagerPixelSpacing: [0.2, 0.2] }))).toEqual({ rowMm: 0.2, columnMm: 0.2, source: 'detector' });
    expect(displaySpacing(attrs({ sop: '1.4' }))).toBeUndefined();
  });
});
