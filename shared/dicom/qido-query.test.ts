import { describe, expect, it } from 'vitest';
import { toQidoParams } from './qido-query';

describe('toQidoParams', () => {
  it('asks for one extra result so the worklist knows whether another page exists', () => {
    expect(toQidoParams({ limit: 50, offset: 100 })).toMatchObject({ limit: '51', offset: '100' });
  });

  it('turns free text into a C-FIND wildcard match and keeps identifiers exact', () => {
    const p = toQidoParams({ patientName: 'ivan', patientID: 'P-1', studyDescription: 'MAMMO' });
    expect(p.PatientName).toBe('*ivan*');
    expect(p.PatientID).toBe('P-1');
    expect(p.StudyDescription).toBe('*MAMMO*');
  });

  it('keeps a wildcard the reader typed', () => {
    expect(toQidoParams({ patientName: 'IVAN*' }).PatientName).toBe('IVAN*');
  });

  it('expresses date ranges, open at either end, as DICOM ranges', () => {
    expect(toQidoParams({ studyDateFrom: '20240101', studyDateTo: '20240131' }).StudyDate).toBe('20240101-20240131');
    expect(toQidoParams({ studyDateTo: '20240131' }).StudyDate).toBe('-20240131');
    expect(toQidoParams({ studyDateFrom: '20240101' }).StudyDate).toBe('20240101-');
  });

  it('filters modality on ModalitiesInStudy and asks for the description, which is not a default return key', () => {
    const p = toQidoParams({ modality: 'MG' });
    expect(p.ModalitiesInStudy).toBe('MG');
    expect(p.includefield).toBe('StudyDescription');
  });
});
