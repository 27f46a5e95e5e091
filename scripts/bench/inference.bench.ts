import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildResNet18 } from '../../models/onnx/resnet';
import { HEAVY_GRAPH_FILE } from '../../models/scripts/build-heavy-graph';
import type { InferenceBackend } from '../../shared/domain/ai-result';
import { chooseBackend } from '../../shared/models/choose-backend';
import type { BenchRow } from './archive-query.bench';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

interface Graph {
  name: string;
  file: string;
  input: string;
  dims: number[];
  runs: number;
}

interface Backend {
  label: string;
  kind: 'node' | 'wasm';
  threads: number;
  backend: InferenceBackend;
}

const BACKENDS: Backend[] = [
  { label: 'WASM 1 thread', kind: 'wasm', threads: 1, backend: 'wasm' },
  { label: 'WASM 2 threads', kind: 'wasm', threads: 2, backend: 'wasm' },
  { label: 'native (ort-node CPU)', kind: 'node', threads: 0, backend: 'node-cpu' },
];

async function graphs(): Promise<Graph[]> {
  const heavy = HEAVY_GRAPH_FILE;
  if (!existsSync(heavy)) {
    await mkdir(path.dirname(heavy), { recursive: true });
    await writeFile(heavy, buildResNet18(512));
  }
  return [
    { name: 'nodule pack 512²', file: path.join(root, 'models/packs/tandem-nodule-like-opacities/model.onnx'), input: 'image', dims: [1, 1, 512, 512], runs: 7 },
    { name: 'calcification pack 1024×640', file: path.join(root, 'models/packs/tandem-calcification-clusters/model.onnx'), input: 'image', dims: [1, 1, 1024, 640], runs: 7 },
    { name: 'ResNet-18 512² (random weights)', file: heavy, input: 'input', dims: [1, 3, 512, 512], runs: 4 },
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The same graph and input on each backend, in separate processes one after another: latency per
 * view (median) and per 4-view study; then which backend the app's rule would pick from a short
 * calibration (the first two timed runs) and how its full-run latency compares with the best.
 * WebGPU is measured in Chromium by the renderer's benchmark where an adapter exists.
 */
export async function benchInference(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const graph of await graphs()) {
    const results: { b: Backend; view: number; study: number; calibration: number }[] = [];
    for (const b of BACKENDS) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bench/inference-probe.ts'), b.kind, String(b.threads), graph.file, graph.input, JSON.stringify(graph.dims), String(graph.runs)], { cwd: root, maxBuffer: 1 << 20 });
      const { viewMs, studyMs } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { viewMs: number[]; studyMs: number };
      results.push({ b, view: median(viewMs), study: studyMs, calibration: median(viewMs.slice(0, 2)) });
      rows.push({ label: `${graph.name}: ${b.label}, per view`, value: median(viewMs), unit: 'ms', note: 'median' });
      rows.push({ label: `${graph.name}: ${b.label}, 4-view study`, value: studyMs, unit: 'ms' });
    }
    const best = results.reduce((a, r) => (r.view < a.view ? r : a));
    const calibrations = [
      { backend: 'webgpu' as const, available: false },
      ...(['node-cpu', 'wasm'] as const).map((backend) => ({
        backend,
        available: true,
        msPerView: Math.min(...results.filter((r) => r.b.backend === backend).map((r) => r.calibration)),
      })),
    ];
    const chosen = chooseBackend(calibrations, 'auto')!;
    const chosenView = Math.min(...results.filter((r) => r.b.backend === chosen).map((r) => r.view));
    const ratio = chosenView / best.view;
    rows.push({
      label: `${graph.name}: app's choice ${chosen} / best`,
      value: ratio,
      unit: '×',
      note: `best: ${best.b.label}; ${ratio <= 1.3 ? 'within 1.3×: met' : 'over 1.3×: NOT met'} (WebGPU: measured in Chromium by the renderer)`,
    });
    const wasmBest = Math.min(...results.filter((r) => r.b.kind === 'wasm').map((r) => r.view));
    const native = results.find((r) => r.b.kind === 'node')!.view;
    rows.push({ label: `${graph.name}: native speed-up over best WASM`, value: wasmBest / native, unit: '×' });
  }
  return rows;
}
