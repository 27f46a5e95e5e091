import dicomParser from 'dicom-parser';
import type { DicomJsonDataset } from '../../../shared/dicom/dicom-json';
import { Tag } from '../../../shared/dicom/tags';
import { ServiceError } from '../../../shared/ipc/errors';

/** Tags read from a Part 10 header, by VR family. */
const STRING_TAGS = [
  Tag.SOPClassUID, Tag.SOPInstanceUID, Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber, Tag.Modality,
  Tag.StudyDescription, Tag.SeriesDescription, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
  Tag.ViewPosition, Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SeriesNumber, Tag.InstanceNumber,
  Tag.Laterality, Tag.ImageLaterality, Tag.TransferSyntaxUID,
] as const;
const US_TAGS = [Tag.Rows, Tag.Columns] as const;

/**
 * Reads the header of a DICOM Part 10 file (stopping before the pixel data) into the DICOM JSON
 * model, so archive records and QIDO results go through the same converters.
 */
export function readPart10Header(bytes: Uint8Array): DicomJsonDataset {
  let dataSet: dicomParser.DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  } catch (err) {
    const reason = typeof err === 'string' ? err : err instanceof Error ? err.message : 'unreadable';
    throw new ServiceError('DICOM_INVALID', `Not a readable DICOM file: ${reason.replace(/^dicomParser\.\w+: /, '')}`);
  }
  const ds: DicomJsonDataset = {};
  for (const tag of STRING_TAGS) {
    const value = dataSet.string(`x${tag.toLowerCase()}`);
    if (value !== undefined && value !== '') {
      ds[tag] = tag === Tag.PatientName ? { vr: 'PN', Value: [{ Alphabetic: value }] } : { Value: [value] };
    }
  }
  for (const tag of US_TAGS) {
    const value = dataSet.uint16(`x${tag.toLowerCase()}`);
    if (value !== undefined) ds[tag] = { vr: 'US', Value: [value] };
  }
  return ds;
}
