import { describe, expect, it } from 'vitest';
import { isLossy, isReduced } from './imageQuality';

describe('image quality warnings', () => {
  it('flags Lossy Image Compression 01 and lossy-only transfer syntaxes', () => {
    expect(isLossy({ LossyImageCompression: '01' })).toBe(true);
    expect(isLossy({ LossyImageCompression: ['01'] })).toBe(true);
    expect(isLossy({ LossyImageCompression: '00', TransferSyntaxUID: '1.2.840.10008.1.2.1' })).toBe(false);
    expect(isLossy({ TransferSyntaxUID: '1.2.840.10008.1.2.4.50' })).toBe(true);
    // JPEG 2000 may be either: only the flag tells.
    expect(isLossy({ TransferSyntaxUID: '1.2.840.10008.1.2.4.91' })).toBe(false);
  });

  it('flags a decoded frame smaller than the image, not one merely shown small', () => {
    expect(isReduced({ rows: 1024, columns: 1024 }, { rows: 2048, columns: 2048 })).toBe(true);
    expect(isReduced({ rows: 2048, columns: 2048 }, { rows: 2048, columns: 2048 })).toBe(false);
    expect(isReduced({ rows: 10, columns: 10 }, {})).toBe(false);
  });
});
