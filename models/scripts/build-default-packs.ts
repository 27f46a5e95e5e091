import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PACKS } from '../detectors/default-packs';
import { cardMarkdown } from '../lib/card-markdown';
import { writePack } from '../lib/write-pack';

/**
 * Builds the default packs into models/packs/<id>/ from this repository's code alone: the ONNX
 * graphs from models/detectors, the cards from models/detectors/measurements. Byte-identical on
 * every run (checked by a test).   npx tsx models/scripts/build-default-packs.ts [outDir]
 */
export async function buildDefaultPacks(outDir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [id, make] of Object.entries(DEFAULT_PACKS)) {
    const pack = make();
    const dir = path.join(outDir, id);
    await rm(dir, { recursive: true, force: true });
    await writePack(dir, pack.draft, { 'model.onnx': pack.graph(), 'MODEL_CARD.md': new TextEncoder().encode(cardMarkdown(pack.draft)) });
    ids.push(id);
  }
  return ids;
}

export const DEFAULT_PACKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packs');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? DEFAULT_PACKS_DIR);
  console.log(`Built ${(await buildDefaultPacks(out)).join(', ')} into ${out}`);
}
