import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePart10 } from '../../fixtures/dcmjs-io';
import { encodeJpeg2000 } from '../../fixtures/encoders';
import { NativeDecoders, missingTool, nativeToolFor } from './decode-native';

describe('native decoders', () => {
  it('pairs each compressed transfer syntax with its native tool and nothing else', () => {
    expect(nativeToolFor('1.2.840.10008.1.2.4.70')).toBe('dcmdjpeg');
    expect(nativeToolFor('1.2.840.10008.1.2.4.80')).toBe('dcmdjpls');
    expect(nativeToolFor('1.2.840.10008.1.2.5')).toBe('dcmdrle');
    expect(nativeToolFor('1.2.840.10008.1.2.4.90')).toBe('opj_decompress');
    expect(nativeToolFor('1.2.840.10008.1.2.4.201')).toBe('opj_decompress');
    expect(nativeToolFor('1.2.840.10008.1.2.1')).toBeUndefined();
  });

  it('says how to install a tool that is missing', () => {
    expect(missingTool('tandem-no-such-decoder')).toMatch(/not installed/);
  });

  const opjMissing = missingTool('opj_decompress');
  describe.skipIf(opjMissing)(`opj_decompress on a DICOM JPEG 2000 file${opjMissing ? ` (skipped: ${opjMissing})` : ''}`, () => {
    let dir: string;
    let decoders: NativeDecoders;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-native-test-'));
      decoders = await NativeDecoders.create();
    });
    afterAll(async () => {
      await decoders.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    it('decodes the code stream taken from an odd-length, padded pixel fragment', async () => {
      const values = new Uint16Array(96 * 80).map((_, i) => (i * 7) % 4096);
      const stream = await encodeJpeg2000({ rows: 80, columns: 96, bitsAllocated: 16, bitsStored: 12, signed: false, bytes: new Uint8Array(values.buffer) }, true);
      const padded = stream.length % 2 ? Uint8Array.from([...stream, 0]) : stream;
      const file = path.join(dir, 'j2k.dcm');
      const bytes = writePart10(
        {
          SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
          SOPInstanceUID: '2.25.1234',
          Rows: 80,
          Columns: 96,
          BitsAllocated: 16,
          BitsStored: 12,
          HighBit: 11,
          PixelRepresentation: 0,
          SamplesPerPixel: 1,
          PhotometricInterpretation: 'MONOCHROME2',
          PixelData: [padded.buffer.slice(padded.byteOffset, padded.byteOffset + padded.byteLength)],
          _vrMap: { PixelData: 'OB' },
        },
        '1.2.840.10008.1.2.4.90',
      );
      await writeFile(file, bytes);
      const timing = await decoders.time('opj_decompress', file, file, 1);
      expect(timing.ms).toBeGreaterThan(0);
      expect(timing.startupMs).toBeGreaterThan(0);
    });
  });
});
