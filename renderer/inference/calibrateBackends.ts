import { InferenceBackend } from '../../shared/domain/ai-result';
import type { BackendCalibration } from '../../shared/domain/backend-calibration';
import { chooseBackend } from '../../shared/models/choose-backend';
import type { TandemApi } from '../../shared/ipc/api';
import { ServiceError, toErrorData } from '../../shared/ipc/errors';
import type { PackManifest } from '../../shared/models/manifest';
import { inferenceWorker, stopInferenceWorker } from './inferenceWorkers';
import { packModelSource } from './modelSource';

/** Timed runs per backend after the warm-up: enough for a stable median, short enough for first use. */
const CALIBRATION_RUNS = 3;

const reason = (error: unknown): string => (error instanceof Error ? error.message : toErrorData(error).message);

/**
 * The first-use calibration for one pack: times WASM and (when a real adapter exists) WebGPU in
 * the worker, and the native CPU backend through `inference.calibrateNode`, on the pack's own
 * graph with a synthetic input, and chooses by the shared rule (the fastest; near-ties go to the
 * native backend, which keeps the renderer free). Backends that cannot run are recorded
 * with the reason; the calibration fails only when none can.
 */
export async function calibrateBackends(api: TandemApi, manifest: PackManifest, signal?: AbortSignal): Promise<BackendCalibration> {
  const msPerView: Partial<Record<InferenceBackend, number>> = {};
  const unavailable: Partial<Record<InferenceBackend, string>> = {};
  const model = packModelSource(api, manifest);
  // Cancelling stops the workers at once (their pending timings reject) and keeps no result.
  const onAbort = () => {
    stopInferenceWorker('wasm');
    stopInferenceWorker('webgpu');
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const checkpoint = () => {
    if (signal?.aborted) throw new ServiceError('CANCELLED', 'The AI reading was cancelled.');
  };

  try {
    const wasm = await inferenceWorker('wasm');
    msPerView.wasm = (await wasm.time(manifest, model, CALIBRATION_RUNS)).msPerView;
    const webgpu = await wasm.probeWebGpu();
    if (!webgpu.available) unavailable.webgpu = webgpu.reason;
  } catch (error) {
    unavailable.wasm = reason(error);
  }
  checkpoint();
  if (!unavailable.webgpu) {
    try {
      const gpu = await inferenceWorker('webgpu');
      msPerView.webgpu = (await gpu.time(manifest, model, CALIBRATION_RUNS)).msPerView;
    } catch (error) {
      unavailable.webgpu = reason(error);
    }
  }
  checkpoint();
  try {
    msPerView['node-cpu'] = (await api.inference.calibrateNode(manifest.id)).msPerView;
  } catch (error) {
    unavailable['node-cpu'] = reason(error);
  }

  signal?.removeEventListener('abort', onAbort);
  checkpoint();
  const chosen = chooseBackend(
    InferenceBackend.options.map((backend) => ({ backend, available: msPerView[backend] !== undefined, msPerView: msPerView[backend] })),
    'auto',
  );
  if (!chosen) throw new Error(`No inference backend could run ${manifest.name}: ${Object.values(unavailable).join('; ')}`);
  return { packKey: `${manifest.id}@${manifest.version}`, measuredAt: new Date().toISOString(), msPerView, unavailable, chosen };
}
