import { describe, expect, it } from 'vitest';
import { sanitizeVoiLut } from './voiLutSanitizer';

describe('sanitizeVoiLut', () => {
  it('hands VOI LUT Function on as the array the image builder indexes', () => {
    expect(sanitizeVoiLut({ windowCenter: [1792], voiLUTFunction: 'LINEAR' })).toEqual({ windowCenter: [1792], voiLUTFunction: ['LINEAR'] });
    expect(sanitizeVoiLut({ voiLUTFunction: ['SIGMOID'] }).voiLUTFunction).toEqual(['SIGMOID']);
  });

  it('drops a value DICOM does not define rather than passing it to the renderer', () => {
    expect(sanitizeVoiLut({ voiLUTFunction: 'SMOOTH' }).voiLUTFunction).toBeUndefined();
  });
});
