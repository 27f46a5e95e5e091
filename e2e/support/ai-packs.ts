import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writePack } from '../../models/lib/write-pack';
import { SQUEEZENET_ONNX, squeezenetPneumoniaManifest } from '../../models/third-party/squeezenet-pneumonia';
import type { InstalledPack } from '../../shared/models/installed-pack';
import type { E2eEnvironment } from './environment';
import { callApi } from './ipc-call';

const root = path.resolve(import.meta.dirname, '..', '..');
const PACKS_DIR = path.join(root, '.cache', 'e2e-packs');
const SHARED_DATA = path.resolve(root, '..', 'shared', 'data');

/**
 * The external SqueezeNet chest pack built from ../shared (an ONNX model Tandem did not write,
 * configured by its manifest alone), and a copy with one byte of its weights changed. Undefined,
 * with the reason, when ../shared is absent.
 */
export async function buildExternalChestPack(): Promise<{ ok: true; dir: string; tampered: string } | { ok: false; reason: string }> {
  const onnx = path.join(SHARED_DATA, SQUEEZENET_ONNX);
  if (!existsSync(onnx)) return { ok: false, reason: `${onnx} is absent (../shared/data is not next to this checkout)` };
  const dir = path.join(PACKS_DIR, 'squeezenet');
  await writePack(dir, squeezenetPneumoniaManifest, { 'model.onnx': new Uint8Array(await readFile(onnx)) });
  const tampered = path.join(PACKS_DIR, 'squeezenet-tampered');
  await cp(dir, tampered, { recursive: true });
  const weights = await readFile(path.join(tampered, 'model.onnx'));
  weights[weights.length - 100] = (weights[weights.length - 100]! + 1) % 256;
  await writeFile(path.join(tampered, 'model.onnx'), weights);
  return { ok: true, dir, tampered };
}

/** The installed packs, as Settings → Models lists them. */
export function installedPacks(env: E2eEnvironment): Promise<InstalledPack[]> {
  return callApi<InstalledPack[]>(env, 'models.listPacks', []);
}

/** The first built-in pack that reads `modality` and draws a heatmap, if the app ships one. */
export async function builtInPackWithHeatmap(env: E2eEnvironment, modality: string): Promise<InstalledPack | undefined> {
  return (await installedPacks(env)).find((p) => p.builtIn && p.manifest.accepts.modalities.includes(modality) && p.manifest.heatmap.source !== 'none');
}
