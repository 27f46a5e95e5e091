/**
 * Cornerstone's loaders reject with many shapes: an Error, a string, `{ error, dataSet }` from the
 * wadouri loader, a worker ErrorEvent, or an IMAGE_LOAD_ERROR event detail. Reduce any of them to
 * one human-readable reason.
 */
export function describeLoadError(reason: unknown, depth = 0): string {
  if (depth > 4) return 'unknown error';
  if (reason === undefined || reason === null) return 'unknown error';
  if (typeof reason === 'string') return reason || 'unknown error';
  // The WASM codecs throw a bare pointer when the compressed stream is broken.
  if (typeof reason === 'number') return 'the compressed pixel data is damaged or truncated (the decoder stopped with an internal error)';
  if (reason instanceof Error) return reason.message || reason.name;
  if (typeof ErrorEvent !== 'undefined' && reason instanceof ErrorEvent) {
    return reason.message || 'decode worker failed';
  }
  if (typeof reason === 'object') {
    const record = reason as Record<string, unknown>;
    for (const field of ['error', 'reason', 'detail'] as const) {
      if (field in record && record[field] !== undefined) return describeLoadError(record[field], depth + 1);
    }
    if (typeof record.message === 'string' && record.message) return record.message;
    try {
      return JSON.stringify(reason);
    } catch {
      return String(reason);
    }
  }
  return String(reason);
}
