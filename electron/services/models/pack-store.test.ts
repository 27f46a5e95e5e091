import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writePack } from '../../../models/lib/write-pack';
import { writeZip } from '../../../models/lib/zip-writer';
import type { TrustedModelKey } from '../../../shared/models/trusted-key';
import { ModelsService } from './models-service';
import { PackStore } from './pack-store';
import { probeGraph, probeManifest } from './testing/probe-pack';

let work: string;
let trusted: TrustedModelKey[];
const storeAt = (root = path.join(work, 'installed')) => new PackStore({ root, trustedKeys: () => trusted });

function keyPair(id: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  return { key: { id, name: `${id} (test vendor)`, publicKey: raw } satisfies TrustedModelKey, signing: { keyId: id, privateKey } };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect((err as { code?: string }).code).toBe('PACK_REFUSED');
    return (err as Error).message;
  }
  throw new Error('expected the pack to be refused');
}

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tandem-packs-'));
  trusted = [];
});

describe('PackStore', () => {
  it('installs a verified folder pack, lists it, serves its files and removes it', async () => {
    await writePack(path.join(work, 'src'), probeManifest(), { 'model.onnx': probeGraph() });
    const store = storeAt();
    const pack = await store.importPack(path.join(work, 'src'));
    expect(pack).toMatchObject({ builtIn: false, notForClinicalUse: true, signedBy: undefined });
    expect((await store.list()).map((p) => p.manifest.id)).toEqual(['probe-brightness']);
    expect(Buffer.from(await store.readFile('probe-brightness', 'model.onnx')).equals(Buffer.from(probeGraph()))).toBe(true);
    // A new store (the next app start) verifies the installed copy again and finds it.
    expect((await storeAt().list()).map((p) => p.manifest.id)).toEqual(['probe-brightness']);
    await store.remove('probe-brightness');
    expect(await store.list()).toEqual([]);
    expect(await storeAt().list()).toEqual([]);
  });

  it('installs a .zip pack whose files sit in one top-level folder', async () => {
    await writePack(path.join(work, 'src'), probeManifest(), { 'model.onnx': probeGraph() });
    const zip = writeZip({
      'probe/manifest.json': await readFile(path.join(work, 'src/manifest.json')),
      'probe/model.onnx': await readFile(path.join(work, 'src/model.onnx')),
    });
    await writeFile(path.join(work, 'probe.zip'), zip);
    const pack = await storeAt().importPack(path.join(work, 'probe.zip'));
    expect(pack.manifest.name).toBe('Probe (brightness)');

    await writeFile(path.join(work, 'broken.zip'), zip.subarray(0, zip.length - 30));
    expect(await refusal(storeAt().importPack(path.join(work, 'broken.zip')))).toMatch(/the \.zip cannot be read/);
  });

  it('refuses tampered weights (hash mismatch) and installs nothing', async () => {
    await writePack(path.join(work, 'src'), probeManifest(), { 'model.onnx': probeGraph() });
    const model = await readFile(path.join(work, 'src/model.onnx'));
    model[model.length - 1] = model[model.length - 1]! ^ 0xff;
    await writeFile(path.join(work, 'src/model.onnx'), model);
    const store = storeAt();
    expect(await refusal(store.importPack(path.join(work, 'src')))).toMatch(/model\.onnx does not match its SHA-256/);
    expect(await store.list()).toEqual([]);
    expect(await readdir(path.join(work, 'installed')).catch(() => [])).toEqual([]);
  });

  it('refuses, at the next start, an installed pack whose weights were changed on disk', async () => {
    await writePack(path.join(work, 'src'), probeManifest(), { 'model.onnx': probeGraph() });
    const running = storeAt();
    await running.importPack(path.join(work, 'src'));
    const installedModel = path.join(work, 'installed/probe-brightness/model.onnx');
    await writeFile(installedModel, probeGraph({ inputSize: 32 }));
    expect(await refusal(running.readFile('probe-brightness', 'model.onnx'))).toMatch(/changed on disk after it was verified/);
    const service = new ModelsService(storeAt());
    expect(await service.listPacks()).toEqual([]);
    const refused = await service.listRefusedPacks();
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatch(/does not match its SHA-256/);
  });

  it('accepts a pack signed by a trusted key and names the signer', async () => {
    const vendor = keyPair('vendor-a');
    trusted = [vendor.key];
    await writePack(path.join(work, 'src'), probeManifest(), { 'model.onnx': probeGraph() }, vendor.signing);
    expect((await storeAt().importPack(path.join(work, 'src'))).signedBy).toBe('vendor-a (test vendor)');
  });

  it('refuses a bad signature: forged with another key, or a manifest changed after signing', async () => {
    const vendor = keyPair('vendor-a');
    const forger = keyPair('vendor-a');
    trusted = [vendor.key];
    await writePack(path.join(work, 'forged'), probeManifest(), { 'model.onnx': probeGraph() }, forger.signing);
    expect(await refusal(storeAt().importPack(path.join(work, 'forged')))).toMatch(/signature does not verify with the trusted key "vendor-a \(test vendor\)"/);

    await writePack(path.join(work, 'edited'), probeManifest(), { 'model.onnx': probeGraph() }, vendor.signing);
    const manifestFile = path.join(work, 'edited/manifest.json');
    await writeFile(manifestFile, (await readFile(manifestFile, 'utf8')).replace('"threshold": 0.5', '"threshold": 0.05'));
    expect(await refusal(storeAt().importPack(path.join(work, 'edited')))).toMatch(/signature does not verify/);
  });

  it('refuses a signature by a key that is not trusted in settings', async () => {
    const stranger = keyPair('stranger');
    await writePack(path.join(work, 'src'), probeManifest(), { 'model.onnx': probeGraph() }, stranger.signing);
    expect(await refusal(storeAt().importPack(path.join(work, 'src')))).toMatch(/signed by the key "stranger", which is not among the trusted keys/);
  });

  it('refuses a manifest that violates the schema, naming the field', async () => {
    const draft = probeManifest({ operatingPoints: [{ name: 'x', threshold: 0.5, sensitivity: 1.7 }], defaultOperatingPoint: 'x' });
    await writePack(path.join(work, 'src'), draft, { 'model.onnx': probeGraph() });
    expect(await refusal(storeAt().importPack(path.join(work, 'src')))).toMatch(/does not follow the pack schema \(operatingPoints\.0\.sensitivity/);
    await writeFile(path.join(work, 'src/manifest.json'), '{ not json');
    expect(await refusal(storeAt().importPack(path.join(work, 'src')))).toMatch(/manifest.json is not valid JSON/);
  });

  it('refuses a model whose inputs or outputs do not match the manifest', async () => {
    await writePack(path.join(work, 'renamed'), probeManifest(), { 'model.onnx': probeGraph({ inputName: 'pixels' }) });
    expect(await refusal(storeAt().importPack(path.join(work, 'renamed')))).toMatch(/has no input named "image" \(its inputs are pixels\)/);
    await writePack(path.join(work, 'resized'), probeManifest(), { 'model.onnx': probeGraph({ inputSize: 32 }) });
    expect(await refusal(storeAt().importPack(path.join(work, 'resized')))).toMatch(/input "image" is \[batch, 1, 32, 32\], the manifest says \[batch, 1, 16, 16\]/);
    await writePack(path.join(work, 'garbage'), probeManifest(), { 'model.onnx': new TextEncoder().encode('not a model') });
    expect(await refusal(storeAt().importPack(path.join(work, 'garbage')))).toMatch(/model\.onnx is not a model onnxruntime can load/);
  });

  it('refuses files the manifest does not list, and a missing listed file', async () => {
    await writePack(path.join(work, 'src'), probeManifest(), { 'model.onnx': probeGraph() });
    await writeFile(path.join(work, 'src/extra.bin'), 'smuggled');
    expect(await refusal(storeAt().importPack(path.join(work, 'src')))).toMatch(/files the manifest does not list \(extra\.bin\)/);
    expect(await refusal(storeAt().importPack(path.join(work, 'nowhere')))).toMatch(/nothing exists at/);
  });
});
