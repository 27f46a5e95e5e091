import { describe, expect, it } from 'vitest';
import type { StudySummary } from './study';
import { sortStudies } from './study-sort';

const row = (uid: string, patientName: string, studyDate: string, images?: number): StudySummary => ({
  sourceId: 'p', studyInstanceUID: uid, patientName, patientID: uid, studyDate, studyDescription: '', modalitiesInStudy: ['MG'], numberOfStudyRelatedInstances: images,
});

describe('sortStudies', () => {
  const rows = [row('1', 'petrova', '20240101', 4), row('2', 'Ivanova', '20250101', 8), row('3', 'IVANOVA', '20230101', 2)];

  it('sorts by date, newest first by default order', () => {
    expect(sortStudies(rows, { key: 'studyDate', descending: true }).map((r) => r.studyInstanceUID)).toEqual(['2', '1', '3']);
  });

  it('sorts names without regard to case and keeps the newest first among equals', () => {
    expect(sortStudies(rows, { key: 'patientName', descending: false }).map((r) => r.studyInstanceUID)).toEqual(['2', '3', '1']);
  });

  it('sorts counts as numbers, not text', () => {
    expect(sortStudies(rows, { key: 'images', descending: true }).map((r) => r.studyInstanceUID)).toEqual(['2', '1', '3']);
  });
});
