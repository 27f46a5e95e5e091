import { describe, expect, it } from 'vitest';
import { readPart10Header } from '../archive/part10-header';
import { EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN, sniffEncoding, type DicomEncoding } from './dicom-encoding';
import { classifyInstance, peekInstanceRef } from './instance-classifier';
import { bareDataset, ENCAPSULATED_PDF, IMPLICIT_LE, MG_FOR_PRESENTATION, part10Of, testImage, writePart10 } from './testing/dicom-builders';

function classify(bytes: Buffer) {
  const encoding = sniffEncoding(bytes);
  if (!encoding) return { kind: 'skipped', reason: 'not-dicom' } as const;
  return classifyInstance(bytes, encoding);
}

describe('sniffEncoding', () => {
  it('recognises Part 10, bare implicit and bare explicit data sets, and a meta group without preamble', () => {
    const image = testImage();
    expect(sniffEncoding(part10Of(image))).toEqual({ kind: 'part10' });
    expect(sniffEncoding(bareDataset(part10Of(image, IMPLICIT_LE)))).toEqual({ kind: 'bare', transferSyntaxUID: IMPLICIT_VR_LITTLE_ENDIAN, datasetOffset: 0 });
    expect(sniffEncoding(bareDataset(part10Of(image)))).toEqual({ kind: 'bare', transferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN, datasetOffset: 0 });
    const withoutPreamble = part10Of(image, IMPLICIT_LE).subarray(132);
    const encoding = sniffEncoding(withoutPreamble);
    expect(encoding).toMatchObject({ kind: 'bare', transferSyntaxUID: IMPLICIT_VR_LITTLE_ENDIAN });
    expect(withoutPreamble.readUInt16LE((encoding as { datasetOffset: number }).datasetOffset)).toBe(0x0008);
  });

  it('says not DICOM for text, PNG, JPEG and tiny files', () => {
    expect(sniffEncoding(Buffer.from('[autorun]\r\nopen=viewer.exe\r\n'.repeat(10)))).toBeUndefined();
    expect(sniffEncoding(Buffer.from('This CD contains images of your examination.\r\n'.repeat(5)))).toBeUndefined();
    expect(sniffEncoding(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)]))).toBeUndefined();
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200)]))).toBeUndefined();
    expect(sniffEncoding(Buffer.from([0x08, 0x00]))).toBeUndefined();
  });
});

describe('classifyInstance', () => {
  it('archives a Part 10 image as it is', () => {
    const image = testImage();
    const bytes = part10Of(image);
    const result = classify(bytes);
    expect(result).toMatchObject({ kind: 'archivable', wrapped: false, ref: { sopInstanceUID: image.SOPInstanceUID, studyInstanceUID: image.StudyInstanceUID } });
    expect(result.kind === 'archivable' && result.part10).toBe(bytes);
  });

  it('wraps a preamble-less implicit VR data set into Part 10 that the archive accepts', () => {
    const image = testImage();
    const bare = bareDataset(part10Of(image, IMPLICIT_LE));
    const result = classify(bare);
    if (result.kind !== 'archivable') throw new Error(`expected archivable, got ${JSON.stringify(result)}`);
    expect(result.wrapped).toBe(true);
    const header = readPart10Header(result.part10);
    expect(header['00020010']?.Value).toEqual([IMPLICIT_VR_LITTLE_ENDIAN]);
    expect(header['00080018']?.Value).toEqual([image.SOPInstanceUID]);
    expect(Buffer.from(result.part10.subarray(result.part10.length - bare.length)).equals(bare)).toBe(true);
  });

  it('rebuilds the meta header of a file that has a meta group but no preamble', () => {
    const image = testImage();
    const result = classify(part10Of(image, IMPLICIT_LE).subarray(132));
    expect(result).toMatchObject({ kind: 'archivable', wrapped: true, ref: { sopInstanceUID: image.SOPInstanceUID } });
    if (result.kind === 'archivable') expect(readPart10Header(result.part10)['00020010']?.Value).toEqual([IMPLICIT_VR_LITTLE_ENDIAN]);
  });

  it('reports truncated files as corrupt, explicit and implicit alike', () => {
    const explicit = part10Of(testImage());
    expect(classify(explicit.subarray(0, explicit.length - 7))).toMatchObject({ reason: 'corrupt', detail: expect.stringMatching(/cut short/) });
    const implicit = part10Of(testImage(), IMPLICIT_LE);
    expect(classify(implicit.subarray(0, implicit.length - 7))).toMatchObject({ reason: 'corrupt', detail: expect.stringMatching(/cut short/) });
    const bare = bareDataset(implicit);
    expect(classify(bare.subarray(0, bare.length - 7))).toMatchObject({ reason: 'corrupt' });
  });

  it('reports an image whose pixel data is missing as corrupt', () => {
    const image = testImage();
    delete image.PixelData;
    expect(classify(part10Of(image))).toMatchObject({ reason: 'corrupt', detail: expect.stringMatching(/without its pixel data/) });
  });

  it('reports DICOM without SOP Instance UID, or with an invalid one, as unsupported', () => {
    const image = testImage();
    const withoutInstance = writePart10({ ...image, SOPInstanceUID: undefined }, { sopClassUID: MG_FOR_PRESENTATION, sopInstanceUID: '2.25.1' });
    expect(classify(withoutInstance)).toMatchObject({ reason: 'unsupported', detail: expect.stringMatching(/SOP Instance UID/) });
    expect(classify(part10Of(testImage({ StudyInstanceUID: 'not.a.uid' })))).toMatchObject({ reason: 'unsupported' });
  });

  it('reports non-image content (an encapsulated PDF) as unsupported, and keeps structured reports', () => {
    const pdf = { SOPClassUID: ENCAPSULATED_PDF, SOPInstanceUID: '2.25.11', StudyInstanceUID: '2.25.12', SeriesInstanceUID: '2.25.13', Modality: 'DOC', MIMETypeOfEncapsulatedDocument: 'application/pdf' };
    expect(classify(part10Of(pdf))).toMatchObject({ reason: 'unsupported', detail: expect.stringMatching(/encapsulated PDF/) });
    const sr = { SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.50', SOPInstanceUID: '2.25.21', StudyInstanceUID: '2.25.22', SeriesInstanceUID: '2.25.23', Modality: 'SR' };
    expect(classify(part10Of(sr))).toMatchObject({ kind: 'archivable' });
  });

  it('reports a DICM file whose data set breaks off inside an element as corrupt', () => {
    const bytes = Buffer.from(part10Of(testImage()));
    const pixelTag = bytes.indexOf(Buffer.from([0xe0, 0x7f, 0x10, 0x00]));
    bytes.writeUInt32LE(0xfffffff0, pixelTag + 8);
    expect(classify(bytes)).toMatchObject({ reason: 'corrupt' });
  });
});

describe('peekInstanceRef', () => {
  it('reads the UIDs from a head that reaches the pixel data, and declines otherwise', () => {
    const image = testImage();
    const bytes = part10Of(image);
    const encoding: DicomEncoding = { kind: 'part10' };
    expect(peekInstanceRef(bytes.subarray(0, bytes.length - 20), encoding)).toMatchObject({ sopInstanceUID: image.SOPInstanceUID });
    expect(peekInstanceRef(bytes.subarray(0, 300), encoding)).toBeUndefined();
  });
});
