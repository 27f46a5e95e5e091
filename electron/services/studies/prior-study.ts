import type { DicomwebSource } from '../dicomweb/dicomweb-source';

/**
 * The patient's most recent mammography study before the current one, by QIDO-RS on PatientID,
 * ModalitiesInStudy=MG and a study date up to the current study's date.
 */
export async function findPriorMammography(
  source: DicomwebSource,
  currentStudyUID: string,
  patientID: string | undefined,
  studyDate: string | undefined,
): Promise<string | undefined> {
  if (!patientID) return undefined;
  const { studies } = await source.searchForStudies({ patientID, modality: 'MG', studyDateTo: studyDate, limit: 50, offset: 0 });
  const priors = studies
    .filter((s) => s.studyInstanceUID !== currentStudyUID && (!studyDate || s.studyDate < studyDate || s.studyDate === studyDate))
    .sort((a, b) => b.studyDate.localeCompare(a.studyDate) || (b.studyTime ?? '').localeCompare(a.studyTime ?? ''));
  return priors[0]?.studyInstanceUID;
}
