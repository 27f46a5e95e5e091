import { inflateRawSync } from 'node:zlib';

/**
 * Reads the files of a .zip archive (stored or deflated entries; no encryption, no ZIP64) from
 * its central directory. Throws with a reason a user understands when the archive is not one.
 */
export function readZipEntries(zip: Uint8Array, maxTotalBytes: number): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new Error('it is not a .zip archive (no end-of-central-directory record)');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('its central directory is damaged');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new Error(`${name} is encrypted`);
    total += size;
    if (total > maxTotalBytes) throw new Error(`it unpacks to more than ${Math.round(maxTotalBytes / 2 ** 20)} MiB`);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`the entry ${name} is damaged`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    const bytes = method === 0 ? raw.slice() : method === 8 ? new Uint8Array(inflateRawSync(raw)) : undefined;
    if (!bytes) throw new Error(`the entry ${name} uses compression method ${method} (only stored and deflate are supported)`);
    if (bytes.length !== size) throw new Error(`the entry ${name} is truncated`);
    files.set(name, bytes);
  }
  return files;
}

function findEndOfCentralDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
