import dicomParser from 'dicom-parser';
import type { DicomJsonDataset, DicomJsonElement } from '../../../shared/dicom/dicom-json';
import { Tag } from '../../../shared/dicom/tags';
import { ServiceError } from '../../../shared/ipc/errors';

type Kind = 'text' | 'multi' | 'decimal' | 'us' | 'pn' | 'code-seq' | 'ref-seq';

/**
 * What the archive keeps of each header: the worklist's fields, and everything the hanging
 * protocols and overlays read (laterality, view codes, orientation, spacing, VOI, lossy flag, and
 * the source images of a derived picture such as a heatmap, so that it is never hung as an image).
 */
const FIELDS: [string, Kind][] = [
  [Tag.SOPClassUID, 'text'], [Tag.SOPInstanceUID, 'text'], [Tag.StudyDate, 'text'], [Tag.StudyTime, 'text'],
  [Tag.AccessionNumber, 'text'], [Tag.Modality, 'text'], [Tag.StudyDescription, 'text'], [Tag.SeriesDescription, 'text'],
  [Tag.PatientName, 'pn'], [Tag.PatientID, 'text'], [Tag.PatientBirthDate, 'text'], [Tag.PatientSex, 'text'],
  [Tag.ViewPosition, 'text'], [Tag.StudyInstanceUID, 'text'], [Tag.SeriesInstanceUID, 'text'], [Tag.SeriesNumber, 'text'],
  [Tag.InstanceNumber, 'text'], [Tag.Laterality, 'text'], [Tag.ImageLaterality, 'text'], [Tag.TransferSyntaxUID, 'text'],
  [Tag.ImageType, 'multi'], [Tag.PresentationIntentType, 'text'], [Tag.BodyPartExamined, 'text'],
  [Tag.EstimatedRadiographicMagnificationFactor, 'decimal'], [Tag.ImagerPixelSpacing, 'decimal'], [Tag.PixelSpacing, 'decimal'],
  [Tag.PatientOrientation, 'multi'], [Tag.PhotometricInterpretation, 'text'], [Tag.LossyImageCompression, 'text'],
  [Tag.BurnedInAnnotation, 'text'], [Tag.WindowCenter, 'decimal'], [Tag.WindowWidth, 'decimal'],
  [Tag.Rows, 'us'], [Tag.Columns, 'us'], [Tag.ViewCodeSequence, 'code-seq'], [Tag.SourceImageSequence, 'ref-seq'],
];

/**
 * Reads the header of a DICOM Part 10 file (stopping before the pixel data) into the DICOM JSON
 * model, so archive records and QIDO/WADO metadata go through the same converters.
 */
export function readPart10Header(bytes: Uint8Array): DicomJsonDataset {
  let dataSet: dicomParser.DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  } catch (err) {
    const reason = typeof err === 'string' ? err : err instanceof Error ? err.message : 'unreadable';
    throw new ServiceError('DICOM_INVALID', `Not a readable DICOM file: ${reason.replace(/^dicomParser\.\w+: /, '')}`);
  }
  return readFields(dataSet, FIELDS);
}

function readFields(dataSet: dicomParser.DataSet, fields: [string, Kind][]): DicomJsonDataset {
  const ds: DicomJsonDataset = {};
  for (const [tag, kind] of fields) {
    const element = readElement(dataSet, tag, kind);
    if (element) ds[tag] = element;
  }
  return ds;
}

function readElement(dataSet: dicomParser.DataSet, tag: string, kind: Kind): DicomJsonElement | undefined {
  const key = `x${tag.toLowerCase()}`;
  if (!dataSet.elements[key]) return undefined;
  if (kind === 'us') {
    const value = dataSet.uint16(key);
    return value === undefined ? undefined : { vr: 'US', Value: [value] };
  }
  if (kind === 'code-seq') return readCodeSequence(dataSet, key);
  if (kind === 'ref-seq') return readReferenceSequence(dataSet, key);
  const text = dataSet.string(key);
  if (text === undefined || text === '') return undefined;
  if (kind === 'pn') return { vr: 'PN', Value: [{ Alphabetic: text }] };
  if (kind === 'text') return { Value: [text] };
  const parts = text.split('\\').map((p) => p.trim());
  if (kind === 'multi') return { Value: parts };
  const numbers = parts.map(Number).filter((n) => Number.isFinite(n));
  return numbers.length ? { vr: 'DS', Value: numbers } : undefined;
}

/** A code sequence such as ViewCodeSequence, with the modifier sequence nested in each item. */
function readCodeSequence(dataSet: dicomParser.DataSet, key: string): DicomJsonElement | undefined {
  const items = dataSet.elements[key]?.items ?? [];
  const values = items
    .map((item) => item.dataSet)
    .filter((ds): ds is dicomParser.DataSet => ds !== undefined)
    .map((ds) => {
      const code = readFields(ds, [[Tag.CodeValue, 'text'], [Tag.CodingSchemeDesignator, 'text'], [Tag.CodeMeaning, 'text']]);
      const modifiers = readCodeSequence(ds, `x${Tag.ViewModifierCodeSequence.toLowerCase()}`);
      if (modifiers) code[Tag.ViewModifierCodeSequence] = modifiers;
      return code;
    });
  return values.length ? { vr: 'SQ', Value: values } : undefined;
}

/** An image reference sequence such as SourceImageSequence: the class and instance UID of each item. */
function readReferenceSequence(dataSet: dicomParser.DataSet, key: string): DicomJsonElement | undefined {
  const values = (dataSet.elements[key]?.items ?? [])
    .map((item) => item.dataSet)
    .filter((ds): ds is dicomParser.DataSet => ds !== undefined)
    .map((ds) => readFields(ds, [[Tag.ReferencedSOPClassUID, 'text'], [Tag.ReferencedSOPInstanceUID, 'text']]));
  return values.length ? { vr: 'SQ', Value: values } : undefined;
}
