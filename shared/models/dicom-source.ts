import dicomParser from 'dicom-parser';
import { viewFromCode, viewFromViewPosition } from '../hanging/view-codes';
import { ServiceError } from '../ipc/errors';
import { decodeRleFrame } from './rle';
import type { SourceImage, StoredPixels } from './source-image';

/** One decoded compressed frame, as the codecs (Node WASM, or the renderer's) return it. */
export interface DecodedFrame {
  width: number;
  height: number;
  bitsPerSample: number;
  isSigned: boolean;
  components: number;
  bytes: Uint8Array;
}

/** Decoders for compressed transfer syntaxes; the host supplies its codecs. */
export interface FrameDecoder {
  canDecode(transferSyntax: string): boolean;
  decode(transferSyntax: string, encoded: Uint8Array): Promise<DecodedFrame>;
}

const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);
const RLE_LOSSLESS = '1.2.840.10008.1.2.5';

/** Header fields only: what selection needs before any pixel is decoded. */
export type ImageHeader = Omit<SourceImage, 'pixels'> & { transferSyntax: string };

function notAccepted(message: string): ServiceError {
  return new ServiceError('IMAGE_NOT_ACCEPTED', message);
}

/** Reads the header fields of a Part 10 file (no pixel decoding). */
export function readImageHeader(part10: Uint8Array): { header: ImageHeader; dataSet: dicomParser.DataSet } {
  let dataSet: dicomParser.DataSet;
  try {
    dataSet = dicomParser.parseDicom(part10);
  } catch {
    throw new ServiceError('DICOM_INVALID', 'An archived instance is not a readable DICOM file.');
  }
  const text = (tag: string) => dataSet.string(tag)?.trim() || undefined;
  const number = (tag: string) => {
    const v = dataSet.string(tag);
    if (v === undefined) return undefined;
    const first = Number.parseFloat(v.split('\\')[0]!);
    return Number.isFinite(first) ? first : undefined;
  };
  const viewItem = dataSet.elements.x00540220?.items?.[0]?.dataSet;
  const coded = viewItem ? viewFromCode({ value: viewItem.string('x00080100') ?? '', scheme: viewItem.string('x00080102') ?? '' }) : undefined;
  const position = text('x00185101');
  const lat = text('x00200062') ?? text('x00200060');
  const photometric = text('x00280004') ?? 'MONOCHROME2';
  return {
    dataSet,
    header: {
      studyInstanceUid: text('x0020000d') ?? '',
      seriesInstanceUid: text('x0020000e') ?? '',
      sopInstanceUid: text('x00080018') ?? '',
      modality: text('x00080060') ?? '',
      laterality: lat === 'L' || lat === 'R' ? lat : undefined,
      view: coded ?? (position ? viewFromViewPosition(position) : undefined),
      rows: dataSet.uint16('x00280010') ?? 0,
      columns: dataSet.uint16('x00280011') ?? 0,
      rescaleSlope: number('x00281053') ?? 1,
      rescaleIntercept: number('x00281052') ?? 0,
      photometric: photometric === 'MONOCHROME1' ? 'MONOCHROME1' : 'MONOCHROME2',
      windowCenter: number('x00281050'),
      windowWidth: number('x00281051'),
      transferSyntax: text('x00020010') ?? '1.2.840.10008.1.2',
    },
  };
}

/**
 * Decodes the first frame of a greyscale Part 10 file into stored values. Uncompressed syntaxes
 * are read directly; compressed ones go through the host's codecs. Colour images and syntaxes
 * without a codec are refused with IMAGE_NOT_ACCEPTED.
 */
export async function decodeSourceImage(part10: Uint8Array, codecs: FrameDecoder): Promise<SourceImage> {
  const { header, dataSet } = readImageHeader(part10);
  const samples = dataSet.uint16('x00280002') ?? 1;
  const photometric = dataSet.string('x00280004')?.trim() ?? '';
  if (samples !== 1 || !photometric.startsWith('MONOCHROME')) throw notAccepted(`The image is ${photometric || 'colour'}; AI models read greyscale images only.`);
  const pixelElement = dataSet.elements.x7fe00010;
  if (!pixelElement) throw notAccepted('The instance has no pixel data.');
  const bitsAllocated = dataSet.uint16('x00280100') ?? 16;
  const signed = (dataSet.uint16('x00280103') ?? 0) === 1;
  const { transferSyntax, ...rest } = header;
  const plane = header.rows * header.columns;
  let pixels: StoredPixels;
  if (UNCOMPRESSED.has(transferSyntax)) {
    const bytes = part10.subarray(pixelElement.dataOffset, pixelElement.dataOffset + Math.min(pixelElement.length, plane * (bitsAllocated / 8)));
    pixels = typedPixels(bytes, bitsAllocated, signed, plane);
  } else if (transferSyntax === RLE_LOSSLESS) {
    const frame = firstFrame(dataSet, pixelElement);
    let bytes: Uint8Array;
    try {
      bytes = decodeRleFrame(frame, plane, bitsAllocated / 8);
    } catch (err) {
      throw new ServiceError('DICOM_INVALID', `The RLE pixel data cannot be decoded: ${(err as Error).message}.`);
    }
    pixels = typedPixels(bytes, bitsAllocated, signed, plane);
  } else if (codecs.canDecode(transferSyntax)) {
    const frame = firstFrame(dataSet, pixelElement);
    const decoded = await codecs.decode(transferSyntax, frame);
    if (decoded.components !== 1) throw notAccepted('The compressed image is colour; AI models read greyscale images only.');
    pixels = typedPixels(decoded.bytes, decoded.bitsPerSample > 8 ? 16 : 8, decoded.isSigned || signed, plane);
  } else {
    throw notAccepted(`The image's transfer syntax ${transferSyntax} cannot be decoded for AI in this version (no codec); convert it to an uncompressed, RLE, JPEG baseline, JPEG 2000 or JPEG-LS syntax.`);
  }
  if (pixels.length < plane) throw new ServiceError('DICOM_INVALID', 'The instance holds fewer pixels than its Rows × Columns.');
  maskToBitsStored(pixels, dataSet.uint16('x00280101') ?? bitsAllocated, bitsAllocated, signed);
  return { ...rest, pixels };
}

function firstFrame(dataSet: dicomParser.DataSet, pixelElement: dicomParser.Element): Uint8Array {
  if (!pixelElement.encapsulatedPixelData) throw new ServiceError('DICOM_INVALID', 'The compressed pixel data is not encapsulated.');
  return dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, pixelElement, 0, pixelElement.fragments?.length ?? 1);
}

/** Clears bits above BitsStored (old overlays live there) and sign-extends signed values. */
function maskToBitsStored(pixels: StoredPixels, bitsStored: number, bitsAllocated: number, signed: boolean): void {
  if (bitsStored >= bitsAllocated || bitsStored <= 0 || bitsStored >= 32) return;
  const mask = 2 ** bitsStored - 1;
  const sign = 2 ** (bitsStored - 1);
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i]! & mask;
    pixels[i] = signed && v >= sign ? v - 2 ** bitsStored : v;
  }
}

function typedPixels(bytes: Uint8Array, bitsAllocated: number, signed: boolean, plane: number): StoredPixels {
  const copy = bytes.slice(0, plane * Math.ceil(bitsAllocated / 8));
  if (bitsAllocated === 8) return signed ? new Int8Array(copy.buffer) : copy;
  if (bitsAllocated === 16) return signed ? new Int16Array(copy.buffer, 0, plane) : new Uint16Array(copy.buffer, 0, plane);
  if (bitsAllocated === 32) return signed ? new Int32Array(copy.buffer, 0, plane) : new Uint32Array(copy.buffer, 0, plane);
  throw notAccepted(`Images with ${bitsAllocated} bits allocated are not supported for AI.`);
}
