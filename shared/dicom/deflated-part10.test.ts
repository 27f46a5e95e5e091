import { describe, expect, it } from 'vitest';
import { DEFLATED_EXPLICIT_LE, inflateIfDeflated, readMetaGroup } from './deflated-part10';

function element(tag: number, vr: string, value: Uint8Array): Uint8Array {
  const long = ['OB', 'UN'].includes(vr);
  const out = new Uint8Array((long ? 12 : 8) + value.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, tag, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, value.length, true);
  else view.setUint16(6, value.length, true);
  out.set(value, long ? 12 : 8);
  return out;
}

function part10(ts: string, dataSet: Uint8Array): Uint8Array {
  const uid = (s: string) => new TextEncoder().encode(s.length % 2 ? `${s}\0` : s);
  const body = [element(0x0001_0002, 'OB', new Uint8Array([0, 1])), element(0x0010_0002, 'UI', uid(ts)), element(0x0012_0002, 'UI', uid('1.2.3'))];
  const bodyLength = body.reduce((n, b) => n + b.length, 0);
  const gl = new Uint8Array(4);
  new DataView(gl.buffer).setUint32(0, bodyLength, true);
  const parts = [new Uint8Array(128), new TextEncoder().encode('DICM'), element(0x0000_0002, 'UL', gl), ...body, dataSet];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('inflateIfDeflated', () => {
  // (0010,0010) PN "Doe^J" and (0028,0010) US 2: enough of a data set to check it survives.
  const dataSet = new Uint8Array([...element(0x0010_0010, 'PN', new TextEncoder().encode('Doe^J ')), ...element(0x0010_0028, 'US', new Uint8Array([2, 0]))]);

  it('rewrites a deflated file as Explicit VR Little Endian with the data set inflated and the group length fixed', async () => {
    const out = await inflateIfDeflated(part10(DEFLATED_EXPLICIT_LE, await deflateRaw(dataSet)));
    const meta = readMetaGroup(out)!;
    const ts = new TextDecoder().decode(meta.elements.find((e) => e.tag === 0x0010_0002)!.value);
    expect(ts.replace(/\0$/, '')).toBe('1.2.840.10008.1.2.1');
    const groupLength = new DataView(meta.elements[0]!.value.buffer, meta.elements[0]!.value.byteOffset).getUint32(0, true);
    expect(meta.dataSetOffset - 132 - 12).toBe(groupLength);
    expect(Array.from(out.subarray(meta.dataSetOffset))).toEqual(Array.from(dataSet));
  });

  it('leaves any other transfer syntax untouched', async () => {
    const file = part10('1.2.840.10008.1.2.1', dataSet);
    expect(await inflateIfDeflated(file)).toBe(file);
  });

  it('says the data set is damaged when the deflate stream is broken', async () => {
    const broken = (await deflateRaw(dataSet)).subarray(0, 5);
    await expect(inflateIfDeflated(part10(DEFLATED_EXPLICIT_LE, broken))).rejects.toThrow(/deflated data set is damaged/);
  });
});
