/**
 * Splits a multipart/related body (RFC 2387) into its parts' bodies. Uses Buffer.indexOf, which
 * is native: a 5 MB mammogram is split in well under a millisecond, where a byte-by-byte search
 * in JavaScript takes tens of milliseconds.
 */
export function splitMultipartRelated(body: Buffer, contentType: string): Buffer[] {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new Error('multipart response without a boundary');
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const headerEnd = Buffer.from('\r\n\r\n', 'latin1');
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const afterDelimiter = at + delimiter.length;
    if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) break; // closing "--"
    const headersEnd = body.indexOf(headerEnd, afterDelimiter);
    if (headersEnd < 0) throw new Error('multipart part without headers');
    const start = headersEnd + headerEnd.length;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new Error('multipart response is truncated');
    // The CRLF before the next delimiter belongs to the delimiter, not to the part.
    const end = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    parts.push(body.subarray(start, end));
    at = next;
  }
  return parts;
}
