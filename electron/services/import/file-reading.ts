import type { FileHandle } from 'node:fs/promises';

/**
 * Reads `length` bytes from `position` (fewer if the file is shorter). Used for the head of a file,
 * so a 50 MB JPEG is rejected after reading a few kilobytes.
 */
export async function readBytes(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  const filled = await fill(handle, buffer, 0, position);
  return buffer.subarray(0, filled);
}

/** The whole file, reusing the head already read; `size` comes from fstat. */
export async function readWhole(handle: FileHandle, head: Buffer, size: number): Promise<Buffer> {
  if (head.length >= size) return head;
  const buffer = Buffer.allocUnsafe(size);
  head.copy(buffer, 0);
  const filled = await fill(handle, buffer, head.length, head.length);
  return buffer.subarray(0, filled);
}

async function fill(handle: FileHandle, buffer: Buffer, offset: number, position: number): Promise<number> {
  let filled = offset;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled - offset);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/** A failure reading the file being imported, as opposed to one of the archive or a bug. */
export class SourceReadError extends Error {
  override readonly name = 'SourceReadError';
  constructor(override readonly cause: unknown) {
    super('The file being imported could not be read.');
  }
}

/** Runs a read of the source file, marking whatever it throws as a SourceReadError. */
export async function readingSource<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw new SourceReadError(err);
  }
}

/** A short, patient-free explanation of why a file or folder could not be read. */
export function describeReadError(err: unknown): string {
  const cause = err instanceof SourceReadError ? err.cause : err;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'Not found: it may have been moved, or the disc or stick removed.';
    case 'EACCES':
    case 'EPERM':
      return `No permission to read it (${code}). Ask IT to grant read access, or copy it somewhere readable.`;
    case 'EIO':
      return 'Read error (EIO): the disc or drive may be damaged or dirty.';
    case 'ELOOP':
      return 'A symbolic link that points to itself (ELOOP).';
    default:
      return code ? `Could not be read (${code}).` : 'Could not be read.';
  }
}
