import { StudyQuery as StudyQuerySchema, type StudyQuery, type StudySummary } from './study';

/**
 * Evaluates a worklist query against a study the way a QIDO-RS server would (PS3.4 C.2.2.2):
 * free-text fields are case-insensitive wildcard matches, identifiers match exactly, dates match
 * an inclusive range. Lets the local archive answer the same queries offline.
 */
export function matchesStudyQuery(study: StudySummary, input: StudyQuery): boolean {
  const q = StudyQuerySchema.parse(input);
  if (q.patientName && !wildcardMatch(study.patientName, q.patientName)) return false;
  if (q.patientID && study.patientID !== q.patientID.trim()) return false;
  if (q.accessionNumber && study.accessionNumber !== q.accessionNumber.trim()) return false;
  if (q.studyDescription && !wildcardMatch(study.studyDescription, q.studyDescription)) return false;
  if (q.modality && !study.modalitiesInStudy.includes(q.modality)) return false;
  if (q.studyDateFrom && study.studyDate < q.studyDateFrom) return false;
  if (q.studyDateTo && study.studyDate > q.studyDateTo) return false;
  return true;
}

/** `*` and `?` as in C-FIND; without them the text matches anywhere in the value. */
function wildcardMatch(value: string, pattern: string): boolean {
  const trimmed = pattern.trim();
  const withStars = /[*?]/.test(trimmed) ? trimmed : `*${trimmed}*`;
  const source = withStars
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'is').test(value);
}

/** Worklist order: newest study first, then by patient name. */
export function compareStudiesNewestFirst(a: StudySummary, b: StudySummary): number {
  const byDate = `${b.studyDate}${b.studyTime ?? ''}`.localeCompare(`${a.studyDate}${a.studyTime ?? ''}`);
  return byDate !== 0 ? byDate : a.patientName.localeCompare(b.patientName);
}
