import { describe, expect, it } from 'vitest';
import type { InputSpec } from '../manifest';
import type { SourceImage } from '../source-image';
import { normalisedHistogram } from './histogram';
import { runPipeline } from './run-pipeline';
import { assembleTensor } from './assemble-tensor';

function image(columns: number, rows: number, values: number[], extra: Partial<SourceImage> = {}): SourceImage {
  return { studyInstanceUid: 's', seriesInstanceUid: 'r', sopInstanceUid: 'i', modality: 'DX', rows, columns, pixels: Int16Array.from(values), rescaleSlope: 1, rescaleIntercept: 0, photometric: 'MONOCHROME2', ...extra };
}

describe('pixel pipeline', () => {
  it('histogram follows numpy: equal bins over min..max, last bin closed, divided by the count', () => {
    expect(Array.from(normalisedHistogram(Float64Array.from([0, 1, 2, 3, 4]), 4, 'float64'))).toEqual([0.2, 0.2, 0.2, 0.4]);
    expect(Array.from(normalisedHistogram(Float64Array.from([5, 5, 5]), 2, 'float64'))).toEqual([0, 1]);
  });

  it('applies modality LUT, DICOM window and MONOCHROME1 inversion', () => {
    const src = image(2, 1, [0, 100], { rescaleSlope: 2, rescaleIntercept: -100, windowCenter: 0, windowWidth: 200, photometric: 'MONOCHROME1' });
    const out = runPipeline(src, [{ op: 'modality-lut' }, { op: 'voi', mode: 'dicom' }, { op: 'invert-monochrome1' }]);
    if (out.kind !== 'image') throw new Error('expected an image');
    // −100 → 0 after the window, 100 → 1; MONOCHROME1 inverts.
    expect(out.image.data[0]).toBeCloseTo(1, 2);
    expect(out.image.data[1]).toBeCloseTo(0, 2);
  });

  it('shrinks by averaging areas and assembles NCHW with per-channel normalisation', () => {
    const src = image(4, 2, [0, 0, 4, 4, 0, 0, 4, 4]);
    const spec: InputSpec = { mode: 'per-view', pipeline: [], tensor: { name: 'x', type: 'float32', shape: [1, 3, 1, 2] }, layout: 'NCHW', channels: 3 };
    const out = runPipeline(src, [{ op: 'resize', width: 2, height: 1 }, { op: 'normalise', mean: [0, 1, 2], std: [1, 1, 2] }]);
    const t = assembleTensor([out], spec);
    expect(t.dims).toEqual([1, 3, 1, 2]);
    expect(Array.from(t.data)).toEqual([0, 4, -1, 3, -1, 1]);
  });

  it('mirrors a breast so the chest wall is on the requested side and remembers it', () => {
    const src = image(4, 1, [0, 0, 10, 10]);
    const out = runPipeline(src, [{ op: 'voi', mode: 'min-max' }, { op: 'orient-breast', chestWall: 'left' }]);
    if (out.kind !== 'image') throw new Error('expected an image');
    expect(Array.from(out.image.data)).toEqual([1, 1, 0, 0]);
    expect(out.image.geometry.flipX).toBe(true);
  });
});
