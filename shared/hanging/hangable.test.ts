import { describe, expect, it } from 'vitest';
import { whyNotHangable } from './hangable';
import { SOP, attrs } from './testing/vendor-datasets';

const MULTI_FRAME_TRUE_COLOR_SC = '1.2.840.10008.5.1.4.1.1.7.4';
const SOURCE = '1.2.826.0.1.3680043.10.1.1';

describe('whyNotHangable: derived overlays', () => {
  it('refuses a Secondary Capture that is DERIVED and names its source image', () => {
    const overlay = attrs({ sop: '1.9', modality: 'OT', sopClass: SOP.secondaryCapture, imageType: ['DERIVED', 'SECONDARY'], sourceImages: [SOURCE], laterality: 'R' });
    expect(whyNotHangable(overlay)).toMatchObject({ code: 'derived-overlay', message: expect.stringMatching(/made from another image/) });
  });

  it('refuses the multi-frame Secondary Capture classes too, whatever Modality the writer put', () => {
    const overlay = attrs({ sop: '1.9', modality: 'MG', sopClass: MULTI_FRAME_TRUE_COLOR_SC, imageType: ['derived', 'secondary'], sourceImages: [SOURCE] });
    expect(whyNotHangable(overlay)?.code).toBe('derived-overlay');
  });

  it('hangs a scanned film: a DERIVED Secondary Capture that names no source image', () => {
    const film = attrs({ sop: '1.9', modality: 'OT', sopClass: SOP.secondaryCapture, imageType: ['DERIVED', 'SECONDARY'] });
    expect(whyNotHangable(film)).toBeUndefined();
  });

  it('hangs a DERIVED\\PRIMARY Secondary Capture of the examination itself (the NEMA MG1 test images: a converted radiograph naming its source)', () => {
    const converted = attrs({ sop: '1.9', modality: 'RG', sopClass: SOP.secondaryCapture, imageType: ['DERIVED', 'PRIMARY'], sourceImages: [SOURCE] });
    expect(whyNotHangable(converted)).toBeUndefined();
  });

  it('hangs an ORIGINAL Secondary Capture even with a source reference', () => {
    const capture = attrs({ sop: '1.9', modality: 'OT', sopClass: SOP.secondaryCapture, imageType: ['ORIGINAL', 'PRIMARY'], sourceImages: [SOURCE] });
    expect(whyNotHangable(capture)).toBeUndefined();
  });

  it('hangs a derived X-ray image that is not a Secondary Capture (a synthesized 2D mammogram names its tomosynthesis source)', () => {
    const synthesized = attrs({ sop: '1.9', imageLaterality: 'L', imageType: ['DERIVED', 'PRIMARY', 'TOMOSYNTHESIS', 'GENERATED_2D'], sourceImages: [SOURCE] });
    expect(whyNotHangable(synthesized)).toBeUndefined();
  });

  it('says For Processing first when a raw image is also marked derived', () => {
    const raw = attrs({ sop: '1.9', sopClass: SOP.secondaryCapture, intent: 'FOR PROCESSING', imageType: ['DERIVED', 'SECONDARY'], sourceImages: [SOURCE] });
    expect(whyNotHangable(raw)?.code).toBe('for-processing');
  });
});
