import type { StudySummary } from './study';

export type StudySortKey = 'patientName' | 'patientID' | 'studyDate' | 'modality' | 'studyDescription' | 'accessionNumber' | 'images' | 'localStatus';
export interface StudySort {
  key: StudySortKey;
  descending: boolean;
}

/** The order a reader expects first: newest study on top. */
export const DEFAULT_STUDY_SORT: StudySort = { key: 'studyDate', descending: true };

const STATUS_ORDER = ['not-fetched', 'fetching', 'cached', 'read', 'signed', 'sent'];

function sortValue(study: StudySummary, key: StudySortKey): string | number {
  switch (key) {
    case 'studyDate':
      return `${study.studyDate}${study.studyTime ?? ''}`;
    case 'modality':
      return study.modalitiesInStudy.join(',');
    case 'images':
      return study.numberOfStudyRelatedInstances ?? -1;
    case 'localStatus':
      return STATUS_ORDER.indexOf(study.localStatus ?? 'not-fetched');
    default:
      return study[key] ?? '';
  }
}

/**
 * Sorts worklist rows by a column. QIDO-RS has no sort parameter, so a PACS worklist is sorted
 * page by page; the archive sorts before paging. Ties keep the newest study first.
 */
export function sortStudies(studies: readonly StudySummary[], sort: StudySort): StudySummary[] {
  const direction = sort.descending ? -1 : 1;
  return [...studies].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const primary = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { sensitivity: 'base' });
    if (primary !== 0) return primary * direction;
    return sortValue(b, 'studyDate').toString().localeCompare(sortValue(a, 'studyDate').toString());
  });
}
