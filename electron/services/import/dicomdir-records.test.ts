import { describe, expect, it } from 'vitest';
import { readDicomdirRecords } from './dicomdir-records';
import { part10Of, testImage, writeDicomdir } from './testing/dicom-builders';

describe('readDicomdirRecords', () => {
  it('returns the IMAGE and SR records with their ReferencedFileID components, in order', () => {
    const bytes = writeDicomdir([
      { type: 'PATIENT', attributes: { PatientID: 'MG-0001' } },
      { type: 'STUDY', attributes: { StudyInstanceUID: '2.25.1' } },
      { type: 'SERIES', attributes: { SeriesInstanceUID: '2.25.2', Modality: 'MG' } },
      { type: 'IMAGE', fileId: ['DICOM', 'ST000001', 'SE000001', 'IM000001'], attributes: { ReferencedSOPInstanceUIDInFile: '2.25.3' } },
      { type: 'IMAGE', fileId: ['DICOM', 'ST000001', 'SE000001', 'IM000002'] },
      { type: 'SR DOCUMENT', fileId: ['DICOM', 'ST000001', 'SE000002', 'SR000001'] },
    ]);
    const reading = readDicomdirRecords(bytes);
    expect(reading).toEqual({
      ok: true,
      records: [
        { recordType: 'IMAGE', fileId: ['DICOM', 'ST000001', 'SE000001', 'IM000001'] },
        { recordType: 'IMAGE', fileId: ['DICOM', 'ST000001', 'SE000001', 'IM000002'] },
        { recordType: 'SR DOCUMENT', fileId: ['DICOM', 'ST000001', 'SE000002', 'SR000001'] },
      ],
    });
  });

  it('leaves out records flagged inactive', () => {
    const bytes = writeDicomdir([
      { type: 'IMAGE', fileId: ['IM1'], inactive: true },
      { type: 'IMAGE', fileId: ['IM2'] },
    ]);
    expect(readDicomdirRecords(bytes)).toEqual({ ok: true, records: [{ recordType: 'IMAGE', fileId: ['IM2'] }] });
  });

  it('explains why an image file or damaged bytes are no DICOMDIR', () => {
    expect(readDicomdirRecords(part10Of(testImage()))).toEqual({ ok: false, problem: 'it has no Directory Record Sequence' });
    const damaged = writeDicomdir([{ type: 'IMAGE', fileId: ['IM1'] }]).subarray(0, 200);
    expect(readDicomdirRecords(damaged)).toMatchObject({ ok: false });
    expect(readDicomdirRecords(Buffer.from('not a dicomdir'))).toMatchObject({ ok: false });
  });
});
