import { connectApi } from '../../app/api';
import { calibrateBackends } from '../calibrateBackends';
import { InferenceWorkerClient } from '../InferenceWorkerClient';
import { packModelSource } from '../modelSource';
import { probeWebGpu } from '../webgpuAdapter';
import type { WorkerBackend } from '../workerProtocol';
import type { RendererBenchResult, RendererBenchRequest } from './benchTypes';

/**
 * The renderer half of the inference benchmark, a page of its own in the build (not the app):
 * for each requested pack it times onnxruntime-web in a fresh worker per configuration (WASM with
 * 1 and 2 threads, WebGPU where a real adapter exists) on the pack's graph and a synthetic input,
 * and runs the app's own first-use calibration to report which backend the app would choose.
 */
const api = connectApi();

async function timeConfig(backend: WorkerBackend, threads: number, packId: string, runs: number): Promise<number> {
  const pack = await api.models.getPack(packId);
  const worker = await InferenceWorkerClient.start(backend, threads);
  try {
    return (await worker.time(pack.manifest, packModelSource(api, pack.manifest), runs)).msPerView;
  } finally {
    worker.terminate();
  }
}

async function run(request: RendererBenchRequest): Promise<RendererBenchResult[]> {
  const webgpu = await probeWebGpu(globalThis);
  const results: RendererBenchResult[] = [];
  for (const packId of request.packIds) {
    const pack = await api.models.getPack(packId);
    const calibration = await calibrateBackends(api, pack.manifest);
    const result: RendererBenchResult = {
      packId,
      viewsPerStudy: 4,
      crossOriginIsolated: globalThis.crossOriginIsolated,
      wasm1: await timeConfig('wasm', 1, packId, request.runs),
      wasm2: await timeConfig('wasm', 2, packId, request.runs),
      webgpu: webgpu.available ? await timeConfig('webgpu', 2, packId, request.runs) : undefined,
      webgpuUnavailable: webgpu.available ? undefined : webgpu.reason,
      chosen: calibration.chosen,
      wasmThreads: calibration.wasmThreads,
    };
    results.push(result);
  }
  return results;
}

(globalThis as unknown as { tandemInferenceBench: { run: typeof run } }).tandemInferenceBench = { run };
document.getElementById('status')!.dataset.ready = 'true';
