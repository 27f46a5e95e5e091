import { connectApi } from '../../app/api';
import { timeInterleaved } from '../../../shared/models/interleaved-timing';
import { backendTimer, configurationKey, TimingWorkers, type BackendConfiguration } from '../backendTimers';
import { calibrateBackends } from '../calibrateBackends';
import { probeWebGpu } from '../webgpuAdapter';
import type { RendererBenchResult, RendererBenchRequest } from './benchTypes';

/**
 * The renderer half of the inference benchmark, a page of its own in the build (not the app).
 * For each requested pack it first runs the app's own first-use calibration (the choice the app
 * would make), then times every configuration again, side by side in interleaved turns with more
 * rounds than the calibration takes: WASM with 1 and 2 threads, WebGPU where a real adapter
 * exists, and the native backend in the service, all on the pack's graph and one synthetic input.
 */
const api = connectApi();

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function run(request: RendererBenchRequest): Promise<RendererBenchResult[]> {
  const webgpu = await probeWebGpu(globalThis);
  const results: RendererBenchResult[] = [];
  for (const packId of request.packIds) {
    const pack = await api.models.getPack(packId);
    const calibration = await calibrateBackends(api, pack.manifest);
    const configurations: BackendConfiguration[] = [
      { backend: 'wasm', threads: 1 },
      { backend: 'wasm', threads: 2 },
      ...(webgpu.available ? [{ backend: 'webgpu' as const, threads: 2 }] : []),
      { backend: 'node-cpu' },
    ];
    const workers = new TimingWorkers();
    try {
      const timing = await timeInterleaved(
        configurations.map((c) => backendTimer(api, pack.manifest, c, workers)),
        { minRounds: request.rounds, maxRounds: request.rounds, budgetMs: Number.POSITIVE_INFINITY },
      );
      const ms = (c: BackendConfiguration) => timing.msPerView[configurationKey(c)];
      const unavailable: Record<string, string> = {};
      for (const [key, error] of Object.entries(timing.failed)) unavailable[key] = message(error);
      if (!webgpu.available) unavailable.webgpu = webgpu.reason;
      results.push({
        packId,
        viewsPerStudy: 4,
        crossOriginIsolated: globalThis.crossOriginIsolated,
        wasm1: ms(configurations[0]!),
        wasm2: ms(configurations[1]!),
        webgpu: webgpu.available ? ms({ backend: 'webgpu', threads: 2 }) : undefined,
        native: ms({ backend: 'node-cpu' }),
        unavailable,
        samples: Object.fromEntries(Object.entries(timing.samples).map(([key, values]) => [key, values.length])),
        chosen: calibration.chosen,
        wasmThreads: calibration.wasmThreads,
      });
    } finally {
      workers.stop();
    }
  }
  return results;
}

(globalThis as unknown as { tandemInferenceBench: { run: typeof run } }).tandemInferenceBench = { run };
document.getElementById('status')!.dataset.ready = 'true';
