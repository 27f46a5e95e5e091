import { describe, expect, it } from 'vitest';
import type { StudySummary } from './study';
import { compareStudiesNewestFirst, matchesStudyQuery } from './study-match';

const study: StudySummary = {
  sourceId: 'local',
  studyInstanceUID: '1.2',
  patientName: 'IVANOVA^MARIA',
  patientID: 'P-77',
  studyDate: '20251103',
  studyDescription: 'MAMMOGRAPHY SCREENING BILATERAL',
  modalitiesInStudy: ['MG'],
  accessionNumber: 'A1',
};

describe('matchesStudyQuery (the archive answers QIDO queries offline)', () => {
  it('matches patient names case-insensitively anywhere, as a reader types them', () => {
    expect(matchesStudyQuery(study, { patientName: 'maria' })).toBe(true);
    expect(matchesStudyQuery(study, { patientName: 'IVANOV*' })).toBe(true);
    expect(matchesStudyQuery(study, { patientName: 'PETROV' })).toBe(false);
  });

  it('matches identifiers exactly', () => {
    expect(matchesStudyQuery(study, { patientID: 'P-77' })).toBe(true);
    expect(matchesStudyQuery(study, { patientID: 'P-7' })).toBe(false);
    expect(matchesStudyQuery(study, { accessionNumber: 'A1' })).toBe(true);
  });

  it('applies inclusive date ranges and modality', () => {
    expect(matchesStudyQuery(study, { studyDateFrom: '20251103', studyDateTo: '20251103' })).toBe(true);
    expect(matchesStudyQuery(study, { studyDateFrom: '20251104' })).toBe(false);
    expect(matchesStudyQuery(study, { modality: 'CR' })).toBe(false);
  });

  it('treats regex characters in the text as literal text', () => {
    expect(matchesStudyQuery(study, { studyDescription: '(.*)' })).toBe(false);
  });

  it('orders the newest study first', () => {
    const older = { ...study, studyDate: '20231103' };
    expect([older, study].sort(compareStudiesNewestFirst)[0]).toBe(study);
  });
});
