import { createRequire } from 'node:module';
import type { NaturalDataset } from '../../../shared/dicom/sr/sr-document';
import { repairNestedUtf8 } from './utf8-repair';

interface DcmjsData {
  DicomMetaDictionary: {
    denaturalizeDataset(dataset: NaturalDataset): Record<string, unknown>;
    naturalizeDataset(dataset: Record<string, unknown>): NaturalDataset;
  };
  DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(): ArrayBuffer };
  DicomMessage: { readFile(buffer: ArrayBuffer): { meta: Record<string, unknown>; dict: Record<string, unknown> } };
}

// dcmjs ships no type declarations; the calls used here are typed locally.
const dcmjs = (createRequire(import.meta.url)('dcmjs') as { data: DcmjsData }).data;

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** Tandem's implementation class UID (2.25 form, fixed). */
const IMPLEMENTATION_CLASS_UID = '2.25.150347382071583392316930412409146410127';

/** Who wrote a file, in its File Meta Information, and in which transfer syntax. */
export interface Part10WriteOptions {
  /** Default Explicit VR Little Endian; with an encapsulated syntax, `PixelData` is an array of compressed frames. */
  transferSyntaxUID?: string;
  implementationClassUID?: string;
  implementationVersionName?: string;
}

/**
 * Serialises a naturalized data set as a Part 10 file, its File Meta Information derived from the
 * data set's SOPClassUID and SOPInstanceUID (Tandem's implementation UID unless told otherwise).
 */
export function writePart10(dataset: NaturalDataset, options: Part10WriteOptions = {}): Uint8Array {
  const meta = dcmjs.DicomMetaDictionary.denaturalizeDataset({
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset['SOPClassUID'],
    MediaStorageSOPInstanceUID: dataset['SOPInstanceUID'],
    TransferSyntaxUID: options.transferSyntaxUID ?? EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: options.implementationClassUID ?? IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: options.implementationVersionName ?? 'TANDEM_0_1',
    _vrMap: { FileMetaInformationVersion: 'OB' },
  });
  const dict = new dcmjs.DicomDict(meta);
  dict.dict = dcmjs.DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}

/** Parses a Part 10 file into a naturalized data set. */
export function readPart10(bytes: Uint8Array): NaturalDataset {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const message = dcmjs.DicomMessage.readFile(buffer);
  return repairNestedUtf8(dcmjs.DicomMetaDictionary.naturalizeDataset(message.dict));
}
