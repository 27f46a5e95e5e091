import type { StudyQuery } from '../domain/study';
import { StudyQuery as StudyQuerySchema } from '../domain/study';

/**
 * Return keys asked of every QIDO-RS study search beyond the defaults every server must return
 * (PS3.18 Table 6.7.1-2 already has patient, date, modalities and instance counts). Only one is
 * needed, which matters: dicomweb-client percent-encodes the commas of a list, and servers such
 * as Orthanc then read the whole list as one unknown keyword.
 */
export const STUDY_INCLUDE_FIELDS = ['StudyDescription'] as const;

/**
 * QIDO-RS query parameters for a worklist query (PS3.18 §8.3.4). Free-text fields match as
 * C-FIND wildcards, so a reader typing "ivan" finds "IVANOVA^…"; `fuzzymatching` is asked for and
 * servers that lack it answer literally.
 */
export function toQidoParams(input: StudyQuery): Record<string, string> {
  const q = StudyQuerySchema.parse(input);
  const params: Record<string, string> = {
    limit: String(q.limit + 1),
    offset: String(q.offset),
    includefield: STUDY_INCLUDE_FIELDS.join(','),
  };
  if (q.patientName) params.PatientName = wildcard(q.patientName);
  if (q.patientID) params.PatientID = q.patientID;
  if (q.accessionNumber) params.AccessionNumber = q.accessionNumber;
  if (q.studyDescription) params.StudyDescription = wildcard(q.studyDescription);
  if (q.modality) params.ModalitiesInStudy = q.modality;
  if (q.studyDateFrom || q.studyDateTo) params.StudyDate = `${q.studyDateFrom ?? ''}-${q.studyDateTo ?? ''}`;
  return params;
}

function wildcard(text: string): string {
  const trimmed = text.trim();
  return /[*?]/.test(trimmed) ? trimmed : `*${trimmed}*`;
}
