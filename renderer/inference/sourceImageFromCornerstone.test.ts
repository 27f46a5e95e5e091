import type { Types } from '@cornerstonejs/core';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../shared/ipc/errors';
import { sourceImageFromCornerstone } from './sourceImageFromCornerstone';

const identity = { studyInstanceUid: '1', seriesInstanceUid: '2', sopInstanceUid: '3', modality: 'MG', laterality: 'R' as const, view: 'CC' };
const image = (patch: Partial<Types.IImage> = {}): Types.IImage => {
  const pixels = Uint16Array.from([0, 100, 200, 4095, 7, 9]);
  return { rows: 2, columns: 3, color: false, numberOfComponents: 1, getPixelData: () => pixels, ...patch } as unknown as Types.IImage;
};

describe('sourceImageFromCornerstone', () => {
  it('copies the stored pixels and reads rescale and window from the header', () => {
    const decoded = image();
    const source = sourceImageFromCornerstone(identity, decoded, { PhotometricInterpretation: 'MONOCHROME1', RescaleSlope: '2', RescaleIntercept: -10, WindowCenter: [2048, 1024], WindowWidth: '4096' });
    expect([...source.pixels]).toEqual([0, 100, 200, 4095, 7, 9]);
    expect(source.pixels).not.toBe(decoded.getPixelData());
    expect(source).toMatchObject({ rows: 2, columns: 3, rescaleSlope: 2, rescaleIntercept: -10, photometric: 'MONOCHROME1', windowCenter: 2048, windowWidth: 4096, laterality: 'R', view: 'CC' });
  });

  it('reports identity rescale when the loader already applied the modality LUT', () => {
    const source = sourceImageFromCornerstone(identity, image({ preScale: { enabled: true, scaled: true } }), { RescaleSlope: 2, RescaleIntercept: -1024 });
    expect([source.rescaleSlope, source.rescaleIntercept]).toEqual([1, 0]);
  });

  it('refuses colour images and non-greyscale photometrics with a reason', () => {
    expect(() => sourceImageFromCornerstone(identity, image({ color: true, numberOfComponents: 3 }), {})).toThrow(ServiceError);
    expect(() => sourceImageFromCornerstone(identity, image(), { PhotometricInterpretation: 'PALETTE COLOR' })).toThrow(/PALETTE COLOR is not greyscale/);
  });

  it('refuses a decoded buffer that does not match rows × columns', () => {
    expect(() => sourceImageFromCornerstone(identity, image({ rows: 4 }), {})).toThrow(/6 samples for 4×3/);
  });
});
