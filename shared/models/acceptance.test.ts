import { describe, expect, it } from 'vitest';
import { completeManifest } from '../../models/lib/write-pack';
import { nyuDensityManifest } from '../../models/third-party/nyu-density';
import { refusalForImage, selectImages } from './acceptance';

const manifest = completeManifest(nyuDensityManifest, { 'model.onnx': new Uint8Array(1) });
const view = (laterality: 'L' | 'R', v: string, modality = 'MG') => ({ laterality, view: v, modality });

describe('which images a pack reads', () => {
  it('refuses the wrong modality and the wrong view with a reason naming both', () => {
    expect(refusalForImage(manifest, { modality: 'DX', view: 'PA' })).toBe('NYU breast density (histogram model) reads MG images; this image is DX.');
    expect(refusalForImage(manifest, { modality: 'MG', view: 'ML' })).toBe('NYU breast density (histogram model) reads CC/MLO views; this image is a ML view.');
    expect(refusalForImage(manifest, { modality: 'MG' })).toMatch(/this image is of unknown view/);
    expect(refusalForImage(manifest, { modality: 'MG', view: 'CC' })).toBeUndefined();
  });

  it('orders a study-views pack’s images by its viewOrder and names a missing view', () => {
    const four = [view('R', 'MLO'), view('L', 'CC'), view('R', 'CC'), view('L', 'MLO')];
    const picked = selectImages(manifest, four);
    expect(picked.ok && picked.images.map((i) => `${i.laterality}-${i.view}`)).toEqual(['L-CC', 'R-CC', 'L-MLO', 'R-MLO']);
    expect(selectImages(manifest, four.slice(1))).toEqual({ ok: false, reason: 'NYU breast density (histogram model) needs the R-MLO view, which this study lacks.' });
  });
});
