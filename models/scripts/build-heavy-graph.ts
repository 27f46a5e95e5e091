import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildResNet18 } from '../onnx/resnet';

/**
 * Writes the benchmark's heavy graph (ResNet-18 at 512², random weights, ≈47 MB) to
 * .cache/bench/resnet18-512.onnx, e.g. for the renderer's WebGPU benchmark in Chromium.
 *   npx tsx models/scripts/build-heavy-graph.ts [out.onnx]
 */
export const HEAVY_GRAPH_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.cache/bench/resnet18-512.onnx');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(process.argv[2] ?? HEAVY_GRAPH_FILE);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, buildResNet18(512));
  console.log(`Wrote ${out}`);
}
