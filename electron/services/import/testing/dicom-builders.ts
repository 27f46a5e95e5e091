import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import dicomParser from 'dicom-parser';

/**
 * Builds small DICOM files for the import tests with dcmjs, the way modalities and CD writers
 * lay them out. Test support only: nothing in the app imports this.
 */

/** A dcmjs "naturalized" data set: keywords as keys, plain values; `_vrMap` fixes VRs dcmjs cannot infer. */
export interface NaturalDataset {
  [keyword: string]: unknown;
  _vrMap?: Record<string, string>;
}

interface Dcmjs {
  DicomMetaDictionary: { denaturalizeDataset(dataset: NaturalDataset): Record<string, unknown> };
  DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(): ArrayBuffer };
}

// dcmjs ships no type declarations; the few calls used here are typed locally.
const dcmjs = (createRequire(import.meta.url)('dcmjs') as { data: Dcmjs }).data;

export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const IMPLICIT_LE = '1.2.840.10008.1.2';
export const MEDIA_STORAGE_DIRECTORY = '1.2.840.10008.1.3.10';
export const MG_FOR_PRESENTATION = '1.2.840.10008.5.1.4.1.1.1.2';
export const ENCAPSULATED_PDF = '1.2.840.10008.5.1.4.1.1.104.1';

/** A fresh UID under the UUID root 2.25. */
export function newUid(): string {
  return `2.25.${BigInt(`0x${randomBytes(16).toString('hex')}`).toString()}`;
}

/** Serialises a data set as Part 10 with the given meta information. */
export function writePart10(dataset: NaturalDataset, meta: { sopClassUID: string; sopInstanceUID: string; transferSyntaxUID?: string }): Buffer {
  const dict = new dcmjs.DicomDict(
    dcmjs.DicomMetaDictionary.denaturalizeDataset({
      FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
      MediaStorageSOPClassUID: meta.sopClassUID,
      MediaStorageSOPInstanceUID: meta.sopInstanceUID,
      TransferSyntaxUID: meta.transferSyntaxUID ?? EXPLICIT_LE,
      ImplementationClassUID: '2.25.1',
      _vrMap: { FileMetaInformationVersion: 'OB' },
    }),
  );
  dict.dict = dcmjs.DicomMetaDictionary.denaturalizeDataset(dataset);
  return Buffer.from(dict.write());
}

/** A 4×4 mammogram-like image (16-bit, MONOCHROME2) with fresh UIDs; `overrides` replace attributes. */
export function testImage(overrides: NaturalDataset = {}): NaturalDataset {
  return {
    SOPClassUID: MG_FOR_PRESENTATION,
    SOPInstanceUID: newUid(),
    StudyInstanceUID: newUid(),
    SeriesInstanceUID: newUid(),
    PatientName: 'TEST^IMPORT',
    PatientID: 'IMPORT-0001',
    StudyDate: '20240315',
    Modality: 'MG',
    ImageLaterality: 'R',
    Rows: 4,
    Columns: 4,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    PixelData: [Uint16Array.from({ length: 16 }, (_, i) => i * 200).buffer],
    ...overrides,
    _vrMap: { PixelData: 'OW', ...overrides._vrMap },
  };
}

/** A data set as a Part 10 file, meta information derived from its SOP class and instance. */
export function part10Of(dataset: NaturalDataset, transferSyntaxUID = EXPLICIT_LE): Buffer {
  return writePart10(dataset, { sopClassUID: String(dataset.SOPClassUID), sopInstanceUID: String(dataset.SOPInstanceUID), transferSyntaxUID });
}

/** What an old CD file looks like: the data set of a Part 10 file without preamble, 'DICM' or meta group. */
export function bareDataset(part10: Uint8Array): Buffer {
  const parsed = dicomParser.parseDicom(part10);
  const metaEnd = Math.max(...Object.values(parsed.elements).filter((el) => el.tag.startsWith('x0002')).map((el) => el.dataOffset + el.length));
  return Buffer.from(part10.subarray(metaEnd));
}

/** One directory record to put into a test DICOMDIR. */
export interface RecordSpec {
  type: 'PATIENT' | 'STUDY' | 'SERIES' | 'IMAGE' | 'SR DOCUMENT';
  fileId?: string[];
  inactive?: boolean;
  attributes?: NaturalDataset;
}

/**
 * A DICOMDIR (PS3.10 §8, PS3.3 F.5): File-set meta information with the Media Storage Directory
 * SOP class, File-set Identification, and a DirectoryRecordSequence. Record offsets are left 0:
 * dcmjs cannot compute byte offsets, and the import does not follow them.
 */
export function writeDicomdir(records: RecordSpec[]): Buffer {
  const offsets = { OffsetOfTheNextDirectoryRecord: 'UL', OffsetOfReferencedLowerLevelDirectoryEntity: 'UL' };
  const dataset: NaturalDataset = {
    FileSetID: 'TANDEM_TEST',
    OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity: 0,
    OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity: 0,
    FileSetConsistencyFlag: 0,
    DirectoryRecordSequence: records.map((r) => ({
      OffsetOfTheNextDirectoryRecord: 0,
      RecordInUseFlag: r.inactive ? 0 : 0xffff,
      OffsetOfReferencedLowerLevelDirectoryEntity: 0,
      DirectoryRecordType: r.type,
      ...(r.fileId ? { ReferencedFileID: r.fileId } : {}),
      ...r.attributes,
      _vrMap: offsets,
    })),
    _vrMap: { OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity: 'UL', OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity: 'UL' },
  };
  return writePart10(dataset, { sopClassUID: MEDIA_STORAGE_DIRECTORY, sopInstanceUID: newUid() });
}
