/**
 * Tags Tandem reads, as the 8-hex-digit keys DICOM JSON uses (PS3.18 Annex F). Named with the
 * standard's keywords so a reader can look each one up in PS3.6.
 */
export const Tag = {
  SOPClassUID: '00080016',
  SOPInstanceUID: '00080018',
  StudyDate: '00080020',
  StudyTime: '00080030',
  AccessionNumber: '00080050',
  Modality: '00080060',
  ModalitiesInStudy: '00080061',
  StudyDescription: '00081030',
  SeriesDescription: '0008103E',
  PatientName: '00100010',
  PatientID: '00100020',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  ViewPosition: '00185101',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  Laterality: '00200060',
  ImageLaterality: '00200062',
  NumberOfStudyRelatedInstances: '00201208',
  Rows: '00280010',
  Columns: '00280011',
  AvailableTransferSyntaxUID: '00083002',
  TransferSyntaxUID: '00020010',
} as const;
export type TagKey = (typeof Tag)[keyof typeof Tag];
