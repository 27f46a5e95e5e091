/**
 * Tandem's Implementation Class UID (PS3.7 D.3.3.2), under the UUID-derived root 2.25 (PS3.5 B.2),
 * written into the File Meta Information of files Tandem builds.
 */
export const TANDEM_IMPLEMENTATION_CLASS_UID = '2.25.79218527491934525600627210169257252654';
const IMPLEMENTATION_VERSION_NAME = 'TANDEM_IMPORT';

/** What the File Meta Information of a wrapped data set says about it. */
export interface Part10Meta {
  sopClassUID: string;
  sopInstanceUID: string;
  /** The transfer syntax the data set bytes are in, e.g. Implicit VR Little Endian `1.2.840.10008.1.2`. */
  transferSyntaxUID: string;
}

/**
 * Turns a bare data set into a DICOM Part 10 file (PS3.10 §7.1): a 128-byte zero preamble, 'DICM'
 * and a File Meta Information group in Explicit VR Little Endian, followed by the data set bytes
 * unchanged, so pixel data and every other element stay exactly as they were.
 */
export function wrapInPart10(dataset: Uint8Array, meta: Part10Meta): Uint8Array {
  const elements = [
    longElement(0x0001, 'OB', Uint8Array.of(0x00, 0x01)),
    shortElement(0x0002, 'UI', uidValue(meta.sopClassUID)),
    shortElement(0x0003, 'UI', uidValue(meta.sopInstanceUID)),
    shortElement(0x0010, 'UI', uidValue(meta.transferSyntaxUID)),
    shortElement(0x0012, 'UI', uidValue(TANDEM_IMPLEMENTATION_CLASS_UID)),
    shortElement(0x0013, 'SH', textValue(IMPLEMENTATION_VERSION_NAME)),
  ];
  const groupLength = elements.reduce((n, e) => n + e.length, 0);
  const lengthElement = shortElement(0x0000, 'UL', uint32(groupLength));
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), lengthElement, ...elements, dataset]);
}

/** Tag, VR and a 16-bit length (PS3.5 §7.1.2, VRs such as UI, SH, UL). */
function shortElement(element: number, vr: string, value: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt16LE(0x0002, 0);
  header.writeUInt16LE(element, 2);
  header.write(vr, 4, 'latin1');
  header.writeUInt16LE(value.length, 6);
  return Buffer.concat([header, value]);
}

/** Tag, VR, two reserved bytes and a 32-bit length (OB and the other long VRs). */
function longElement(element: number, vr: string, value: Uint8Array): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16LE(0x0002, 0);
  header.writeUInt16LE(element, 2);
  header.write(vr, 4, 'latin1');
  header.writeUInt32LE(value.length, 8);
  return Buffer.concat([header, value]);
}

/** UIDs are padded to an even length with a NUL (PS3.5 §9.1). */
function uidValue(uid: string): Buffer {
  return Buffer.from(uid.length % 2 ? `${uid}\0` : uid, 'latin1');
}

/** Text values are padded with a space. */
function textValue(text: string): Buffer {
  return Buffer.from(text.length % 2 ? `${text} ` : text, 'latin1');
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}
