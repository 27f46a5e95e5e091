import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { probeGraph, probeManifest } from '../../electron/services/models/testing/probe-pack';
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

/** Input side of the probe packs: fine enough for a heatmap that outlines the anatomy. */
const PROBE_SIZE = 64;

/**
 * Two probe packs whose heatmap is the model's input image itself (a tiny real ONNX graph): its
 * bright cells are exactly the bright anatomy, so where the overlay lands on screen can be checked
 * against the image under it, whatever a detector would find. The mammography probe mirrors and
 * crops like the default packs (orient-breast, crop-to-foreground), so the heatmap must come back
 * through that geometry and through the hanging's mirroring of right views.
 */
export async function buildProbePacks(): Promise<{ chest: string; mammo: string }> {
  const model = probeGraph({ inputSize: PROBE_SIZE });
  const base = probeManifest();
  const tensor = { name: 'image', type: 'float32' as const, shape: ['batch', 1, PROBE_SIZE, PROBE_SIZE] };
  const heatmap = { source: 'output' as const, tensor: { name: 'saliency', type: 'float32' as const, shape: ['batch', 1, PROBE_SIZE, PROBE_SIZE] }, channel: 0, scale: 'max' as const };
  const chest = path.join(PACKS_DIR, 'probe-chest');
  await writePack(
    chest,
    probeManifest({
      id: 'e2e-probe-chest',
      name: 'E2E probe (chest brightness)',
      input: { ...base.input, pipeline: [{ op: 'modality-lut' }, { op: 'voi', mode: 'min-max' }, { op: 'invert-monochrome1' }, { op: 'resize', width: PROBE_SIZE, height: PROBE_SIZE }], tensor },
      heatmap,
    }),
    { 'model.onnx': model },
  );
  const mammo = path.join(PACKS_DIR, 'probe-mammo');
  await writePack(
    mammo,
    probeManifest({
      id: 'e2e-probe-mammo',
      name: 'E2E probe (breast brightness)',
      task: 'mammography-lesion',
      accepts: { modalities: ['MG'], views: [] },
      input: {
        ...base.input,
        pipeline: [
          { op: 'modality-lut' },
          { op: 'voi', mode: 'min-max' },
          { op: 'invert-monochrome1' },
          { op: 'orient-breast', chestWall: 'left' },
          { op: 'crop-to-foreground', threshold: 0.1, margin: 8 },
          { op: 'resize', width: PROBE_SIZE, height: PROBE_SIZE },
        ],
        tensor,
      },
      output: { ...base.output, labels: base.output.labels.map((l) => ({ id: l.id, name: l.name, meaning: l.meaning })) },
      heatmap,
    }),
    { 'model.onnx': model },
  );
  return { chest, mammo };
}
