import { describe, expect, it } from 'vitest';
import { splitMultipartRelated } from './multipart-related';

const part = (bytes: number[]) => Buffer.from(bytes);

function message(boundary: string, bodies: Buffer[]): Buffer {
  const chunks: Buffer[] = [];
  for (const b of bodies) chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, 'latin1'), b, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'latin1'));
  return Buffer.concat(chunks);
}

describe('splitMultipartRelated', () => {
  it('returns each part byte for byte, including CR and LF inside the data', () => {
    const a = part([0x44, 0x49, 0x43, 0x4d, 0x0d, 0x0a, 0x2d, 0x2d]);
    const b = part([1, 2, 3]);
    const body = message('abc-123', [a, b]);
    const parts = splitMultipartRelated(body, 'multipart/related; type="application/dicom"; boundary=abc-123');
    expect(parts.map((p) => [...p])).toEqual([[...a], [...b]]);
  });

  it('accepts a quoted boundary longer than RFC 2046 allows (Orthanc sends 71 characters)', () => {
    const boundary = 'x'.repeat(71);
    const parts = splitMultipartRelated(message(boundary, [part([9])]), `multipart/related; boundary="${boundary}"`);
    expect(parts).toHaveLength(1);
  });

  it('refuses a truncated body instead of returning a partial instance', () => {
    const body = message('b', [part([1, 2, 3])]);
    expect(() => splitMultipartRelated(body.subarray(0, body.length - 12), 'multipart/related; boundary=b')).toThrow(/truncated/);
  });
});
