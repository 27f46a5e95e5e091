import { concatBytes } from '../bytes';
import { ServiceError } from '../ipc/errors';

/**
 * Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99) compresses the whole data set after
 * the File Meta Information with raw deflate. Neither cornerstone's Part 10 reader nor the AI's
 * decoder inflates it, so the studies service hands such a file out, and the inference process
 * decodes it, rewritten as Explicit VR Little Endian with the same data set. Web streams only
 * (DecompressionStream), present in Node and in the browser alike; the archive keeps the file as
 * it came.
 */

export const DEFLATED_EXPLICIT_LE = '1.2.840.10008.1.2.1.99';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const PREAMBLE_AND_MAGIC = 132;
/** VRs whose explicit-VR header has 2 reserved bytes and a 4-byte length. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

interface MetaElement {
  tag: number;
  vr: string;
  value: Uint8Array;
}

/** The File Meta Information elements and where the data set starts; undefined if not Part 10. */
export function readMetaGroup(bytes: Uint8Array): { elements: MetaElement[]; dataSetOffset: number } | undefined {
  if (bytes.length < PREAMBLE_AND_MAGIC + 8) return undefined;
  if (String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const elements: MetaElement[] = [];
  let offset = PREAMBLE_AND_MAGIC;
  while (offset + 8 <= bytes.length && view.getUint16(offset, true) === 0x0002) {
    const tag = view.getUint32(offset, true);
    const vr = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!);
    const long = LONG_VRS.has(vr);
    const length = long ? view.getUint32(offset + 8, true) : view.getUint16(offset + 6, true);
    const start = offset + (long ? 12 : 8);
    if (start + length > bytes.length) return undefined;
    elements.push({ tag, vr, value: bytes.subarray(start, start + length) });
    offset = start + length;
  }
  return { elements, dataSetOffset: offset };
}

function transferSyntaxOf(elements: MetaElement[]): string | undefined {
  const element = elements.find((e) => e.tag === 0x0010_0002);
  return element ? new TextDecoder().decode(element.value).replace(/[\0 ]+$/, '') : undefined;
}

function encodeElement(element: MetaElement): Uint8Array {
  const long = LONG_VRS.has(element.vr);
  const header = new Uint8Array(long ? 12 : 8);
  const view = new DataView(header.buffer);
  view.setUint32(0, element.tag, true);
  header[4] = element.vr.charCodeAt(0);
  header[5] = element.vr.charCodeAt(1);
  if (long) view.setUint32(8, element.value.length, true);
  else view.setUint16(6, element.value.length, true);
  return concatBytes([header, element.value]);
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The same file in Explicit VR Little Endian when it is deflated; any other file unchanged.
 * A deflated stream that does not inflate is reported as damaged, naming the transfer syntax.
 */
export async function inflateIfDeflated(bytes: Uint8Array): Promise<Uint8Array> {
  const meta = readMetaGroup(bytes);
  if (!meta || transferSyntaxOf(meta.elements) !== DEFLATED_EXPLICIT_LE) return bytes;
  let dataSet: Uint8Array;
  try {
    dataSet = await inflateRaw(bytes.subarray(meta.dataSetOffset));
  } catch (error) {
    throw new ServiceError('DICOM_INVALID', `The deflated data set is damaged and cannot be inflated (${(error as Error).message}).`);
  }
  const ts = new TextEncoder().encode(EXPLICIT_LE.length % 2 ? `${EXPLICIT_LE}\0` : EXPLICIT_LE);
  const elements = meta.elements
    .filter((e) => e.tag !== 0x0000_0002)
    .map((e) => (e.tag === 0x0010_0002 ? { ...e, value: ts } : e))
    .map(encodeElement);
  const groupBody = concatBytes(elements);
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, groupBody.length, true);
  const lengthElement = encodeElement({ tag: 0x0000_0002, vr: 'UL', value: groupLength });
  return concatBytes([bytes.subarray(0, PREAMBLE_AND_MAGIC), lengthElement, groupBody, dataSet]);
}
