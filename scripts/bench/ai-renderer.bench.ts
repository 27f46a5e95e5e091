import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../e2e/support/chromium';
import { startLoopbackServer } from '../../electron/loopback/server';
import { createServices } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { writePack } from '../../models/lib/write-pack';
import { SQUEEZENET_ONNX, squeezenetPneumoniaManifest } from '../../models/third-party/squeezenet-pneumonia';
import type { RendererBenchRequest, RendererBenchResult } from '../../renderer/inference/bench/benchTypes';
import { createDispatch } from '../../shared/ipc/dispatch';
import { tempDataDir } from '../../tests/support/pacs-fixture';
import type { BenchRow } from './archive-query.bench';

const root = path.resolve(import.meta.dirname, '..', '..');
const RENDERER_DIR = path.join(root, 'dist', 'renderer');
const BENCH_PAGE = 'inference/bench/index.html';
const SHARED_SQUEEZENET = path.resolve(root, '..', 'shared', 'data', SQUEEZENET_ONNX);
/** Timed runs per configuration after the warm-up. */
const RUNS = 5;

/**
 * Inference backends side by side in one run, on the same graphs and the same synthetic input:
 * onnxruntime-web in Chromium (the built app's own worker: WASM with 1 and with 2 threads, WebGPU
 * where a real adapter exists) and onnxruntime-node on CPU (the service's calibration), for every
 * installed pack: the built-in ones, the heavy benchmark graph if one is installed, and the
 * external SqueezeNet when ../shared is present. Also reports the backend the app's first-use
 * calibration chooses, against the best measured (target: within 1.3×).
 */
export async function benchRendererInference(): Promise<BenchRow[]> {
  if (!existsSync(path.join(RENDERER_DIR, BENCH_PAGE))) {
    return [{ label: 'renderer inference bench skipped: run "npm run build" first', value: 0, unit: '' }];
  }
  const dataDir = await tempDataDir('tandem-bench-ai-');
  const { services, events, dispose } = createServices(nodePlatform(dataDir, 'bench'));
  if (existsSync(SHARED_SQUEEZENET)) {
    const packDir = path.join(dataDir, 'squeezenet-pack');
    await writePack(packDir, squeezenetPneumoniaManifest, { 'model.onnx': new Uint8Array(await readFile(SHARED_SQUEEZENET)) });
    await services.models.importPack(packDir);
  } else {
    console.warn(`[bench] ${SHARED_SQUEEZENET} is absent: the external pack is left out`);
  }
  const packs = await services.models.listPacks();
  const server = await startLoopbackServer({ dispatch: createDispatch(services), events, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/${BENCH_PAGE}#token=${server.token}`);
    await page.waitForSelector('#status[data-ready="true"]');
    const request: RendererBenchRequest = { packIds: packs.map((p) => p.manifest.id), runs: RUNS };
    const results = await page.evaluate(
      (r) => (globalThis as unknown as { tandemInferenceBench: { run(r: RendererBenchRequest): Promise<RendererBenchResult[]> } }).tandemInferenceBench.run(r),
      request,
    );
    const rows: BenchRow[] = [];
    for (const result of results) {
      const nodeMs = (await services.inference.calibrateNode(result.packId)).msPerView;
      const measured: Record<string, number> = { 'wasm-1': result.wasm1, 'wasm-2': result.wasm2, 'node-cpu': nodeMs };
      if (result.webgpu !== undefined) measured.webgpu = result.webgpu;
      const best = Math.min(...Object.values(measured));
      const perView = (label: string, ms: number, note = '') =>
        rows.push({ label: `${result.packId}: ${label} per view`, value: ms, unit: 'ms', note: `${(ms / best).toFixed(2)}× best; 4-view study ${(ms * result.viewsPerStudy).toFixed(1)} ms ${note}`.trim() });
      perView('WASM 1 thread', result.wasm1, result.crossOriginIsolated ? '' : '(not cross-origin isolated)');
      perView('WASM 2 threads', result.wasm2);
      perView('native onnxruntime-node CPU', nodeMs);
      if (result.webgpu !== undefined) perView('WebGPU', result.webgpu);
      else rows.push({ label: `${result.packId}: WebGPU`, value: 0, unit: '', note: `not measured: ${result.webgpuUnavailable}` });
      const chosenMs = result.chosen === 'wasm' ? result.wasm2 : result.chosen === 'node-cpu' ? nodeMs : (result.webgpu ?? Number.NaN);
      rows.push({ label: `${result.packId}: app's choice (${result.chosen}) / best`, value: chosenMs / best, unit: '×', note: 'target ≤ 1.30' });
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
    await dispose();
  }
}
