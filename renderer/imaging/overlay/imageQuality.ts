/**
 * Warnings a reader must see before trusting fine detail.
 *
 * - LOSSY: the pixels went through lossy compression at some point: Lossy Image Compression
 *   (0028,2110) is "01" (PS3.3 C.7.6.1.1.5: once lossy, always flagged), or the transfer syntax
 *   is lossy by definition (JPEG baseline/extended, JPEG-LS near-lossless).
 * - REDUCED: the *data* shown has fewer pixels than the image has, e.g. a progressive or
 *   sub-resolution decode, or a thumbnail-sized rendition. Rendering a full-resolution image
 *   smaller than native on screen (zoomed out, "fit") is normal viewing and is not flagged;
 *   the magnifier exists for that.
 */

const LOSSY_TRANSFER_SYNTAXES = new Set([
  '1.2.840.10008.1.2.4.50', // JPEG Baseline (Process 1)
  '1.2.840.10008.1.2.4.51', // JPEG Extended (Process 2 & 4)
  '1.2.840.10008.1.2.4.81', // JPEG-LS Near-Lossless
]);

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** True when the image is, or once was, lossy compressed. */
export function isLossy(attributes: { LossyImageCompression?: unknown; TransferSyntaxUID?: unknown }): boolean {
  const flag = first(attributes.LossyImageCompression);
  if (typeof flag === 'string' && flag.trim() === '01') return true;
  const syntax = first(attributes.TransferSyntaxUID);
  return typeof syntax === 'string' && LOSSY_TRANSFER_SYNTAXES.has(syntax.trim());
}

/** True when the decoded frame has fewer rows or columns than the image declares. */
export function isReduced(decoded: { rows?: number; columns?: number }, declared: { rows?: unknown; columns?: unknown }): boolean {
  const rows = Number(first(declared.rows));
  const columns = Number(first(declared.columns));
  if (!(rows > 0) || !(columns > 0) || !decoded.rows || !decoded.columns) return false;
  return decoded.rows < rows || decoded.columns < columns;
}
