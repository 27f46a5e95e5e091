import { readInt, readString, readStrings, type DicomJsonDataset, type DicomJsonElement } from '../dicom/dicom-json';
import { Tag } from '../dicom/tags';
import { viewFromCode, viewFromViewPosition, viewModifierFromCode, type View, type ViewModifier } from './view-codes';

/** ImageLaterality (0020,0062) values. MG uses only R, L and B. */
export type ImageLaterality = 'R' | 'L' | 'B' | 'U';

/** PatientOrientation (0020,0020): the patient direction of the rows, then of the columns. */
export type PatientOrientation = readonly [row: string, column: string];

/**
 * What the hanging-protocol matcher reads of one image, converted once from DICOM JSON.
 * Absent or unusable values are `undefined` (lists are empty), never guessed.
 */
export interface ImageAttributes {
  sopInstanceUID: string;
  seriesInstanceUID: string;
  studyInstanceUID: string;
  /** StudyDate as YYYYMMDD. */
  studyDate?: string;
  modality?: string;
  sopClassUID?: string;
  /** ImageLaterality, or the series-level Laterality when the image level is absent. */
  imageLaterality?: ImageLaterality;
  lateralitySource?: 'ImageLaterality' | 'Laterality';
  /** From ViewCodeSequence (SCT, or legacy SRT/SNM3 ids), else from ViewPosition. */
  view?: View;
  viewSource?: 'ViewCodeSequence' | 'ViewPosition';
  /** From the ViewModifierCodeSequence nested inside the view item. */
  viewModifiers: ViewModifier[];
  patientOrientation?: PatientOrientation;
  bodyPartExamined?: string;
  imageType: string[];
  /**
   * ReferencedSOPInstanceUIDs of SourceImageSequence (0008,2112): the images this one was derived
   * from (an AI heatmap names the mammogram it was computed on). Empty for an acquired image.
   */
  sourceImageUIDs: string[];
  presentationIntentType?: string;
  /** [row spacing, column spacing] in mm, only when both are positive numbers. */
  imagerPixelSpacing?: readonly [number, number];
  pixelSpacing?: readonly [number, number];
  estimatedRadiographicMagnificationFactor?: number;
  rows?: number;
  columns?: number;
  instanceNumber?: number;
}

/** What a laterality-and-view label needs (view-label.ts): the part of ImageAttributes about the view. */
export type ViewAttributes = Pick<ImageAttributes, 'imageLaterality' | 'lateralitySource' | 'view' | 'viewSource' | 'viewModifiers'>;

const LATERALITIES: readonly string[] = ['R', 'L', 'B', 'U'];

/**
 * Reads one instance of DICOM JSON (WADO-RS metadata, QIDO-RS instance results or an archive
 * header record) into the attributes the matcher uses.
 */
export function imageAttributesFromDicomJson(ds: DicomJsonDataset): ImageAttributes {
  const sopInstanceUID = readString(ds, Tag.SOPInstanceUID);
  if (!sopInstanceUID) throw new Error('Instance metadata without SOPInstanceUID');
  return {
    sopInstanceUID,
    seriesInstanceUID: readString(ds, Tag.SeriesInstanceUID) ?? '',
    studyInstanceUID: readString(ds, Tag.StudyInstanceUID) ?? '',
    studyDate: readString(ds, Tag.StudyDate),
    modality: upper(readString(ds, Tag.Modality)),
    sopClassUID: readString(ds, Tag.SOPClassUID),
    ...viewAttributesFromDicomJson(ds),
    patientOrientation: readPatientOrientation(ds),
    bodyPartExamined: upper(readString(ds, Tag.BodyPartExamined)),
    imageType: readStrings(ds, Tag.ImageType).map((v) => v.toUpperCase()),
    sourceImageUIDs: readSourceImages(ds),
    presentationIntentType: upper(readString(ds, Tag.PresentationIntentType)),
    imagerPixelSpacing: readSpacing(ds, Tag.ImagerPixelSpacing),
    pixelSpacing: readSpacing(ds, Tag.PixelSpacing),
    estimatedRadiographicMagnificationFactor: positive(readDecimals(ds, Tag.EstimatedRadiographicMagnificationFactor)[0]),
    rows: readInt(ds, Tag.Rows),
    columns: readInt(ds, Tag.Columns),
    instanceNumber: readInt(ds, Tag.InstanceNumber),
  };
}

/**
 * Laterality, view and view modifiers alone, for a caller that labels an image without hanging
 * it (the viewport overlay). Needs no UIDs.
 */
export function viewAttributesFromDicomJson(ds: DicomJsonDataset): ViewAttributes {
  const viewItem = firstItem(ds[Tag.ViewCodeSequence]);
  return { ...readLaterality(ds), ...readView(ds, viewItem), viewModifiers: readModifiers(ds, viewItem) };
}

function readLaterality(ds: DicomJsonDataset): Pick<ImageAttributes, 'imageLaterality' | 'lateralitySource'> {
  const image = upper(readString(ds, Tag.ImageLaterality));
  if (image && LATERALITIES.includes(image)) return { imageLaterality: image as ImageLaterality, lateralitySource: 'ImageLaterality' };
  // Laterality is series level and must be absent when a series mixes sides, so when present it
  // holds for every image of the series.
  const series = upper(readString(ds, Tag.Laterality));
  if (series && LATERALITIES.includes(series)) return { imageLaterality: series as ImageLaterality, lateralitySource: 'Laterality' };
  return {};
}

function readView(ds: DicomJsonDataset, viewItem: DicomJsonDataset | undefined): Pick<ImageAttributes, 'view' | 'viewSource'> {
  const code = viewItem && readCode(viewItem);
  const coded = code && viewFromCode(code);
  if (coded) return { view: coded, viewSource: 'ViewCodeSequence' };
  const position = readString(ds, Tag.ViewPosition);
  const fromPosition = position && viewFromViewPosition(position);
  if (fromPosition) return { view: fromPosition, viewSource: 'ViewPosition' };
  return {};
}

function readModifiers(ds: DicomJsonDataset, viewItem: DicomJsonDataset | undefined): ViewModifier[] {
  // The sequence belongs inside the view item. A misplaced top-level one is read too: missing a
  // magnification or spot modifier would let that view take a screening slot.
  const nested = viewItem?.[Tag.ViewModifierCodeSequence]?.Value ?? [];
  const misplaced = ds[Tag.ViewModifierCodeSequence]?.Value ?? [];
  const codes = [...nested, ...misplaced].filter(isDataset).map(readCode).filter((c) => c !== undefined);
  return [...new Set(codes.map(viewModifierFromCode))];
}

function readSourceImages(ds: DicomJsonDataset): string[] {
  const items = (ds[Tag.SourceImageSequence]?.Value ?? []).filter(isDataset);
  return items.map((item) => readString(item, Tag.ReferencedSOPInstanceUID)).filter((uid) => uid !== undefined);
}

function readCode(item: DicomJsonDataset): { value: string; scheme: string } | undefined {
  const value = readString(item, Tag.CodeValue);
  const scheme = readString(item, Tag.CodingSchemeDesignator);
  return value && scheme ? { value, scheme } : undefined;
}

function readPatientOrientation(ds: DicomJsonDataset): PatientOrientation | undefined {
  // Some writers put the whole `P\L` into one JSON value instead of two.
  const values = readStrings(ds, Tag.PatientOrientation).flatMap((v) => v.split('\\')).map((v) => v.trim().toUpperCase());
  const [row, column] = values;
  if (values.length !== 2 || !row || !column) return undefined;
  return /^[APRLHF]+$/.test(row) && /^[APRLHF]+$/.test(column) ? [row, column] : undefined;
}

function readDecimals(ds: DicomJsonDataset, tag: string): number[] {
  return (ds[tag]?.Value ?? []).map((v) => (typeof v === 'number' ? v : Number.parseFloat(String(v))));
}

function readSpacing(ds: DicomJsonDataset, tag: string): readonly [number, number] | undefined {
  const [row, column] = readDecimals(ds, tag).map(positive);
  return row !== undefined && column !== undefined ? [row, column] : undefined;
}

function positive(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

function firstItem(element: DicomJsonElement | undefined): DicomJsonDataset | undefined {
  return element?.Value?.find(isDataset);
}

function isDataset(value: unknown): value is DicomJsonDataset {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function upper(text: string | undefined): string | undefined {
  return text?.toUpperCase();
}
