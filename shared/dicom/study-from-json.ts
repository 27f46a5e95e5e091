import type { InstanceSummary, SeriesSummary, StudySummary } from '../domain/study';
import { readInt, readString, readStrings, type DicomJsonDataset } from './dicom-json';
import { Tag } from './tags';

/** A QIDO-RS study result (or an archive record in the same model) as a worklist row. */
export function studySummaryFromJson(ds: DicomJsonDataset, sourceId: string): StudySummary {
  const studyInstanceUID = readString(ds, Tag.StudyInstanceUID);
  if (!studyInstanceUID) throw new Error('Study result without StudyInstanceUID');
  const modalities = readStrings(ds, Tag.ModalitiesInStudy);
  const single = readString(ds, Tag.Modality);
  return {
    sourceId,
    studyInstanceUID,
    patientName: readString(ds, Tag.PatientName) ?? '',
    patientID: readString(ds, Tag.PatientID) ?? '',
    patientBirthDate: readString(ds, Tag.PatientBirthDate),
    patientSex: readString(ds, Tag.PatientSex),
    studyDate: readString(ds, Tag.StudyDate) ?? '',
    studyTime: readString(ds, Tag.StudyTime),
    accessionNumber: readString(ds, Tag.AccessionNumber),
    studyDescription: readString(ds, Tag.StudyDescription) ?? '',
    modalitiesInStudy: modalities.length ? modalities : single ? [single] : [],
    numberOfStudyRelatedInstances: readInt(ds, Tag.NumberOfStudyRelatedInstances),
  };
}

/** One instance of WADO-RS metadata as the viewer's summary of it. */
export function instanceSummaryFromJson(ds: DicomJsonDataset): InstanceSummary {
  const sopInstanceUID = readString(ds, Tag.SOPInstanceUID);
  if (!sopInstanceUID) throw new Error('Instance metadata without SOPInstanceUID');
  return {
    sopInstanceUID,
    sopClassUID: readString(ds, Tag.SOPClassUID) ?? '',
    instanceNumber: readInt(ds, Tag.InstanceNumber),
    rows: readInt(ds, Tag.Rows),
    columns: readInt(ds, Tag.Columns),
    imageLaterality: readString(ds, Tag.ImageLaterality) ?? readString(ds, Tag.Laterality),
    viewPosition: readString(ds, Tag.ViewPosition),
    transferSyntaxUID: readString(ds, Tag.TransferSyntaxUID) ?? readString(ds, Tag.AvailableTransferSyntaxUID),
  };
}

/** Groups instance metadata into series, ordered by series number then instance number. */
export function groupIntoSeries(datasets: DicomJsonDataset[]): SeriesSummary[] {
  const bySeries = new Map<string, SeriesSummary>();
  for (const ds of datasets) {
    const uid = readString(ds, Tag.SeriesInstanceUID);
    if (!uid) continue;
    let series = bySeries.get(uid);
    if (!series) {
      series = {
        seriesInstanceUID: uid,
        modality: readString(ds, Tag.Modality) ?? '',
        seriesNumber: readInt(ds, Tag.SeriesNumber),
        seriesDescription: readString(ds, Tag.SeriesDescription) ?? '',
        instances: [],
      };
      bySeries.set(uid, series);
    }
    series.instances.push(instanceSummaryFromJson(ds));
  }
  const list = [...bySeries.values()];
  for (const s of list) s.instances.sort((a, b) => (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0));
  return list.sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0));
}
