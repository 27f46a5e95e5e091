import dicomParser from 'dicom-parser';

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/**
 * How a file holds its data set: as a Part 10 file (preamble, 'DICM', File Meta Information), or
 * as a bare data set, as old CDs and some modalities wrote them, starting at `datasetOffset` in
 * the given transfer syntax.
 */
export type DicomEncoding =
  | { kind: 'part10' }
  | { kind: 'bare'; transferSyntaxUID: string; datasetOffset: number };

/** Bytes to read before deciding; also enough for most headers up to the pixel data. */
export const HEAD_BYTES = 64 * 1024;

const PREAMBLE_LENGTH = 128;
const EXPLICIT_VRS = new Set([
  'AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'OB', 'OD', 'OF', 'OL', 'OV', 'OW',
  'PN', 'SH', 'SL', 'SQ', 'SS', 'ST', 'SV', 'TM', 'UC', 'UI', 'UL', 'UN', 'UR', 'US', 'UT', 'UV',
]);

/**
 * Decides from the first bytes of a file whether it is DICOM and how it is encoded; undefined
 * when it is not DICOM at all (text, JPEG, PNG, an installer…).
 *
 * A bare data set is recognised by its first element: group 0002 (a meta group without the
 * preamble) or group 0008 (Identifying module), little endian. The VR bytes tell explicit from
 * implicit. Bare big-endian data sets are not recognised; they are rare enough to call not-DICOM.
 */
export function sniffEncoding(head: Uint8Array): DicomEncoding | undefined {
  if (head.length >= PREAMBLE_LENGTH + 4 && ascii(head, PREAMBLE_LENGTH, 4) === 'DICM') return { kind: 'part10' };
  if (head.length < 8) return undefined;
  const group = head[0]! | (head[1]! << 8);
  if (group === 0x0002) return bareWithMetaGroup(head);
  if (group !== 0x0008) return undefined;
  const explicit = EXPLICIT_VRS.has(ascii(head, 4, 2));
  return { kind: 'bare', transferSyntaxUID: explicit ? EXPLICIT_VR_LITTLE_ENDIAN : IMPLICIT_VR_LITTLE_ENDIAN, datasetOffset: 0 };
}

/** A File Meta Information group without preamble and 'DICM': its transfer syntax applies after it. */
function bareWithMetaGroup(head: Uint8Array): DicomEncoding | undefined {
  const prefixed = Buffer.concat([Buffer.alloc(PREAMBLE_LENGTH), Buffer.from('DICM', 'latin1'), head]);
  try {
    const meta = dicomParser.readPart10Header(prefixed);
    const transferSyntaxUID = meta.string('x00020010');
    const metaEnd = Math.max(...Object.values(meta.elements).map((el) => el.dataOffset + el.length));
    if (!transferSyntaxUID || !Number.isFinite(metaEnd)) return undefined;
    return { kind: 'bare', transferSyntaxUID, datasetOffset: metaEnd - PREAMBLE_LENGTH - 4 };
  } catch {
    return undefined;
  }
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
