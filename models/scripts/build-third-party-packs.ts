import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePack } from '../lib/write-pack';
import { NYU_DENSITY_ONNX, nyuDensityManifest } from '../third-party/nyu-density';
import { sharedFile } from '../third-party/shared-data';
import { SQUEEZENET_ONNX, squeezenetPneumoniaManifest } from '../third-party/squeezenet-pneumonia';

/**
 * Builds the two third-party packs from ../shared/data/models into a folder outside the
 * repository (default .cache/third-party-packs), ready for models.importPack. Skips, with the
 * reason, a model that is absent.   npx tsx models/scripts/build-third-party-packs.ts [outDir]
 */
export async function buildThirdPartyPacks(outDir: string): Promise<string[]> {
  const built: string[] = [];
  for (const [draft, onnx] of [
    [nyuDensityManifest, NYU_DENSITY_ONNX],
    [squeezenetPneumoniaManifest, SQUEEZENET_ONNX],
  ] as const) {
    const file = sharedFile(onnx);
    if (!file) continue;
    const dir = path.join(outDir, draft.id);
    await writePack(dir, draft, { 'model.onnx': new Uint8Array(await readFile(file)) });
    built.push(dir);
  }
  return built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const out = path.resolve(process.argv[2] ?? path.join(root, '.cache/third-party-packs'));
  for (const dir of await buildThirdPartyPacks(out)) console.log(`Built ${dir}`);
}
