import { createRequire } from 'node:module';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { readPart10Header } from '../archive/part10-header';
import { TANDEM_IMPLEMENTATION_CLASS_UID, wrapInPart10 } from './part10-wrapper';
import { bareDataset, IMPLICIT_LE, part10Of, testImage } from './testing/dicom-builders';

const dcmjs = (createRequire(import.meta.url)('dcmjs') as { data: { DicomMessage: { readFile(b: ArrayBuffer): { meta: Record<string, { Value: unknown[] }>; dict: Record<string, { Value: unknown[] }> } } } }).data;

describe('wrapInPart10', () => {
  const image = testImage();
  const bare = bareDataset(part10Of(image, IMPLICIT_LE));
  const wrapped = wrapInPart10(bare, { sopClassUID: String(image.SOPClassUID), sopInstanceUID: String(image.SOPInstanceUID), transferSyntaxUID: IMPLICIT_LE });

  it('writes a preamble, DICM and a meta group that dcmjs reads, naming Implicit VR Little Endian', () => {
    expect(Buffer.from(wrapped.subarray(128, 132)).toString('latin1')).toBe('DICM');
    const message = dcmjs.DicomMessage.readFile(wrapped.buffer.slice(wrapped.byteOffset, wrapped.byteOffset + wrapped.byteLength) as ArrayBuffer);
    expect(message.meta['00020010']?.Value[0]).toBe(IMPLICIT_LE);
    expect(message.meta['00020002']?.Value[0]).toBe(image.SOPClassUID);
    expect(message.meta['00020003']?.Value[0]).toBe(image.SOPInstanceUID);
    expect(message.meta['00020012']?.Value[0]).toBe(TANDEM_IMPLEMENTATION_CLASS_UID);
    expect(message.dict['00080018']?.Value[0]).toBe(image.SOPInstanceUID);
    expect(message.dict['00280010']?.Value[0]).toBe(4);
  });

  it('states the meta group length exactly and keeps the data set bytes unchanged', () => {
    const view = Buffer.from(wrapped);
    expect(view.readUInt16LE(132)).toBe(0x0002);
    expect(view.toString('latin1', 136, 138)).toBe('UL');
    const groupLength = view.readUInt32LE(140);
    const datasetStart = 144 + groupLength;
    expect(view.readUInt16LE(datasetStart)).toBe(0x0008);
    expect(view.subarray(datasetStart).equals(bare)).toBe(true);
  });

  it('is accepted by the archive header reader and by dicom-parser, pixel data intact', () => {
    const header = readPart10Header(wrapped);
    expect(header['00080018']?.Value).toEqual([image.SOPInstanceUID]);
    const ds = dicomParser.parseDicom(wrapped);
    const pixels = ds.elements.x7fe00010!;
    expect(pixels.length).toBe(32);
    expect(Buffer.from(wrapped.subarray(pixels.dataOffset, pixels.dataOffset + 4))).toEqual(Buffer.from([0, 0, 200, 0]));
  });
});
