/**
 * DICOM RLE Lossless (PS3.5 Annex G) for one frame: a 64-byte header (segment count, then up to
 * 15 offsets), each segment a PackBits run of one byte plane, most significant byte first.
 * Returns the little-endian sample bytes (bytesPerSample per pixel) or throws on a bad stream.
 */
export function decodeRleFrame(frame: Uint8Array, pixels: number, bytesPerSample: number): Uint8Array {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame.length < 64) throw new Error('the RLE header is truncated');
  const segments = view.getUint32(0, true);
  if (segments !== bytesPerSample) throw new Error(`the RLE frame has ${segments} segments, expected ${bytesPerSample}`);
  const out = new Uint8Array(pixels * bytesPerSample);
  for (let s = 0; s < segments; s++) {
    const start = view.getUint32(4 + 4 * s, true);
    const end = s + 1 < segments ? view.getUint32(8 + 4 * s, true) : frame.length;
    // Segment 0 holds the most significant byte; in little-endian output that is the last byte.
    const byteIndex = bytesPerSample - 1 - s;
    let at = start;
    let pixel = 0;
    while (at < end && pixel < pixels) {
      const n = (frame[at++]! << 24) >> 24;
      if (n >= 0) {
        for (let i = 0; i <= n && pixel < pixels; i++) out[pixel++ * bytesPerSample + byteIndex] = frame[at++]!;
      } else if (n !== -128) {
        const value = frame[at++]!;
        for (let i = 0; i < 1 - n && pixel < pixels; i++) out[pixel++ * bytesPerSample + byteIndex] = value;
      }
    }
    if (pixel < pixels) throw new Error('an RLE segment ends before the frame is full');
  }
  return out;
}
