import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, type FixtureManifest, makeFixtures } from '../../../scripts/fixtures/make-fixtures';
import { decodeInstance } from './decode-instance';

let fixtures: FixtureManifest;
const hasDcmtk = ['/usr/bin/dcmdjpeg', '/usr/bin/dcmcrle', '/usr/bin/dcmcjpeg'].every((p) => existsSync(p));
if (!hasDcmtk) console.warn('[skip] dcmtk (dcmdjpeg, dcmcrle, dcmcjpeg) is not installed');

beforeAll(async () => {
  fixtures = await makeFixtures({ outDir: process.env.TANDEM_FIXTURES_DIR ?? DEFAULT_OUT_DIR });
}, 120_000);

const instance = (key: string) => fixtures.studies.find((s) => s.key === key)?.instances[0];

describe('decodeInstance', () => {
  it('reads uncompressed MG pixels with laterality, view and VOI from the header', async () => {
    const lcc = fixtures.studies.find((s) => s.key === 'mammo-current')!.instances.find((i) => i.laterality === 'L' && i.view === 'CC')!;
    const image = await decodeInstance(new Uint8Array(await readFile(lcc.path)));
    expect(image).toMatchObject({ modality: 'MG', laterality: 'L', view: 'CC', photometric: 'MONOCHROME2', sopInstanceUid: lcc.sopInstanceUID });
    expect(image.pixels.length).toBe(image.rows * image.columns);
    expect(image.windowWidth).toBeGreaterThan(0);
  });

  it.skipIf(!hasDcmtk)('decodes JPEG baseline with the WASM codec to the pixels dcmtk decodes', async () => {
    const jpeg = instance('chest-siim-no-pneumothorax');
    if (!jpeg) return console.warn('[skip] the JPEG chest fixture needs ../shared/data');
    const work = await mkdtemp(path.join(os.tmpdir(), 'tandem-decode-'));
    const plain = path.join(work, 'plain.dcm');
    execFileSync('dcmdjpeg', [jpeg.path, plain]);
    const ours = await decodeInstance(new Uint8Array(await readFile(jpeg.path)));
    const reference = await decodeInstance(new Uint8Array(await readFile(plain)));
    expect([ours.rows, ours.columns]).toEqual([reference.rows, reference.columns]);
    let diff = 0;
    for (let i = 0; i < ours.pixels.length; i++) diff += Math.abs(ours.pixels[i]! - reference.pixels[i]!);
    expect(diff / ours.pixels.length).toBeLessThan(0.5);
  });

  it('decodes the JPEG 2000 MONOCHROME1 CR at its full bit depth', async () => {
    const j2k = instance('chest-cr-mono1');
    if (!j2k || fixtures.source !== 'shared') return console.warn('[skip] the JPEG 2000 fixture needs ../shared/data');
    const image = await decodeInstance(new Uint8Array(await readFile(j2k.path)));
    expect(image).toMatchObject({ photometric: 'MONOCHROME1', rows: 1955, columns: 1841, modality: 'CR' });
    let max = 0;
    for (let i = 0; i < image.pixels.length; i++) max = Math.max(max, image.pixels[i]!);
    expect(max).toBeGreaterThan(255);
  });

  it.skipIf(!hasDcmtk)('decodes RLE Lossless to exactly the uncompressed pixels', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'tandem-decode-'));
    const source = fixtures.studies.find((s) => s.key === 'mammo-current')!.instances[0]!.path;
    const rle = path.join(work, 'rle.dcm');
    execFileSync('dcmcrle', [source, rle]);
    const plain = await decodeInstance(new Uint8Array(await readFile(source)));
    const decoded = await decodeInstance(new Uint8Array(await readFile(rle)));
    expect(Buffer.from(decoded.pixels.buffer).equals(Buffer.from(plain.pixels.buffer))).toBe(true);
  });

  it.skipIf(!hasDcmtk)('refuses a transfer syntax it has no codec for, saying what to do', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'tandem-decode-'));
    const lossless = path.join(work, 'jpeg-lossless.dcm');
    execFileSync('dcmcjpeg', [fixtures.studies.find((s) => s.key === 'mammo-current')!.instances[0]!.path, lossless]);
    await expect(decodeInstance(new Uint8Array(await readFile(lossless)))).rejects.toMatchObject({
      code: 'IMAGE_NOT_ACCEPTED',
      message: expect.stringMatching(/transfer syntax 1\.2\.840\.10008\.1\.2\.4\.70 cannot be decoded for AI.*convert it/),
    });
  });

  it.skipIf(!hasDcmtk)('inflates a Deflated Explicit VR Little Endian file to the same pixels as the file before deflating', async () => {
    const lcc = fixtures.studies.find((s) => s.key === 'mammo-current')!.instances.find((i) => i.laterality === 'L' && i.view === 'CC')!;
    const work = await mkdtemp(path.join(os.tmpdir(), 'tandem-deflate-'));
    const explicit = path.join(work, 'explicit.dcm');
    const deflated = path.join(work, 'deflated.dcm');
    execFileSync('dcmconv', ['+te', lcc.path, explicit]);
    execFileSync('dcmconv', ['+td', explicit, deflated]);
    const ours = await decodeInstance(new Uint8Array(await readFile(deflated)));
    const reference = await decodeInstance(new Uint8Array(await readFile(explicit)));
    expect([ours.rows, ours.columns, ours.laterality, ours.view]).toEqual([reference.rows, reference.columns, 'L', 'CC']);
    expect(Buffer.from(ours.pixels.buffer).equals(Buffer.from(reference.pixels.buffer))).toBe(true);
  });
});
