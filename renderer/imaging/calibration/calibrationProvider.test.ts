import { Enums, metaData, registerDefaultProviders, utilities } from '@cornerstonejs/metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCalibrationProvider } from './calibrationProvider';

/** A minimal Part 10 file: what the provider sees is the naturalized instance the loader builds. */
function part10(elements: Array<[number, number, string, string]>): ArrayBuffer {
  const chunks: number[] = [...new Array(128).fill(0), 0x44, 0x49, 0x43, 0x4d];
  const element = (group: number, el: number, vr: string, value: string) => {
    const padded = value.length % 2 ? `${value}${vr === 'UI' ? '\0' : ' '}` : value;
    chunks.push(group & 0xff, group >> 8, el & 0xff, el >> 8, vr.charCodeAt(0), vr.charCodeAt(1), padded.length & 0xff, padded.length >> 8);
    for (const c of padded) chunks.push(c.charCodeAt(0));
  };
  const meta: Array<[number, number, string, string]> = [
    [0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1'],
  ];
  const metaBytes = meta.reduce((n, [, , , v]) => n + 8 + v.length + (v.length % 2), 0);
  chunks.push(0x02, 0x00, 0x00, 0x00, 0x55, 0x4c, 0x04, 0x00, metaBytes & 0xff, metaBytes >> 8, 0, 0);
  for (const e of meta) element(...e);
  for (const e of elements) element(...e);
  return new Uint8Array(chunks).buffer;
}

const MG = '1.2.840.10008.5.1.4.1.1.1.2';
const BREAST_PROJECTION = '1.2.840.10008.5.1.4.1.1.13.1.4';

async function plane(imageId: string, elements: Array<[number, number, string, string]>) {
  await utilities.addDicomPart10Instance(imageId, part10(elements));
  return {
    plane: metaData.get(Enums.MetadataModules.IMAGE_PLANE, imageId) as { rowPixelSpacing: number; columnPixelSpacing: number; usingDefaultValues: boolean },
    calibration: metaData.get('calibratedPixelSpacing', imageId) as { rowPixelSpacing: number; type: string } | undefined,
  };
}

describe('calibration provider over cornerstone 5.14 metadata', () => {
  beforeAll(() => {
    registerDefaultProviders();
    registerCalibrationProvider();
  });

  it('measures a mammogram in breast-plane mm (Imager Pixel Spacing / ERMF)', async () => {
    const { plane: p, calibration } = await plane('test:mg-ermf', [
      [0x0008, 0x0016, 'UI', MG],
      [0x0018, 0x1114, 'DS', '1.25'],
      [0x0018, 0x1164, 'DS', '0.1\\0.1'],
    ]);
    expect(p.rowPixelSpacing).toBeCloseTo(0.08, 9);
    expect(p.usingDefaultValues).toBe(false);
    expect(calibration).toMatchObject({ rowPixelSpacing: expect.closeTo(0.08, 9), type: 'ERMF' });
  });

  it('calibrates SOP classes cornerstone does not know as projections (Breast Projection X-Ray)', async () => {
    const { plane: p } = await plane('test:bpx', [
      [0x0008, 0x0016, 'UI', BREAST_PROJECTION],
      [0x0018, 0x1114, 'DS', '1.1'],
      [0x0018, 0x1164, 'DS', '0.11\\0.11'],
    ]);
    expect(p.rowPixelSpacing).toBeCloseTo(0.1, 9);
    expect(p.usingDefaultValues).toBe(false);
  });

  it('leaves an image with no usable spacing in pixels, flagged uncalibrated', async () => {
    const { plane: p, calibration } = await plane('test:none', [
      [0x0008, 0x0016, 'UI', '1.2.840.10008.5.1.4.1.1.1'],
      [0x0028, 0x0030, 'DS', '0.000\\0.000'],
    ]);
    expect(p.rowPixelSpacing).toBe(1);
    expect(p.usingDefaultValues).toBe(true);
    // No positive calibrated spacing, which StackViewport would take as mm.
    expect(calibration?.rowPixelSpacing ?? 0).toBe(0);
  });
});
