import { randomBytes } from 'node:crypto';

/** A multipart/related body of DICOM parts, and the Content-Type header that describes it. */
export interface MultipartBody {
  contentType: string;
  body: Uint8Array;
}

/**
 * Encodes Part 10 instances as `multipart/related; type="application/dicom"` (PS3.18 §8.6.1.2),
 * one instance per part. The boundary is random and checked against every part.
 */
export function encodeMultipartRelated(parts: readonly Uint8Array[]): MultipartBody {
  let boundary = newBoundary();
  while (parts.some((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength).includes(boundary))) boundary = newBoundary();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, 'ascii'), part, Buffer.from('\r\n', 'ascii'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'ascii'));
  return {
    contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`,
    body: Buffer.concat(chunks),
  };
}

function newBoundary(): string {
  return `tandem-outbox-${randomBytes(16).toString('hex')}`;
}
