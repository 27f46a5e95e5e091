import { InferenceBackend } from '../../shared/domain/ai-result';
import type { BackendCalibration } from '../../shared/domain/backend-calibration';
import { chooseBackend } from '../../shared/models/choose-backend';
import type { TandemApi } from '../../shared/ipc/api';
import { ServiceError, toErrorData } from '../../shared/ipc/errors';
import type { PackManifest } from '../../shared/models/manifest';
import { InferenceWorkerClient } from './InferenceWorkerClient';
import { appWasmThreads } from './inferenceWorkers';
import { packModelSource } from './modelSource';

/** Timed runs per backend and round after the warm-up: enough for a stable median, short enough for first use. */
const CALIBRATION_RUNS = 3;
/** Rounds over all backends; each backend keeps its better round. */
const CALIBRATION_ROUNDS = 2;

const reason = (error: unknown): string => (error instanceof Error ? error.message : toErrorData(error).message);

/**
 * The first-use calibration for one pack: times WASM (with every core, and with one thread: on a
 * busy machine one thread can win) and, when a real adapter exists, WebGPU in workers, and the
 * native CPU backend through `inference.calibrateNode`, on the pack's own graph with a synthetic
 * input; chooses by the shared rule (the fastest; near-ties go to the native backend, which keeps
 * the renderer free) and the WASM thread count that won. Backends that cannot run are recorded
 * with the reason; the calibration fails only when none can.
 */
export async function calibrateBackends(api: TandemApi, manifest: PackManifest, signal?: AbortSignal): Promise<BackendCalibration> {
  const msPerView: Partial<Record<InferenceBackend, number>> = {};
  const unavailable: Partial<Record<InferenceBackend, string>> = {};
  const model = packModelSource(api, manifest);
  // Each configuration gets a worker of its own (a runtime's thread count is fixed when it
  // starts); cancelling stops them at once and keeps no result.
  const configs: Array<{ backend: 'wasm' | 'webgpu'; threads: number }> = [{ backend: 'wasm', threads: appWasmThreads() }];
  if (appWasmThreads() > 1) configs.push({ backend: 'wasm', threads: 1 });
  const clients = new Map<string, Promise<InferenceWorkerClient>>();
  const client = (backend: 'wasm' | 'webgpu', threads: number) => {
    const key = `${backend}:${threads}`;
    let started = clients.get(key);
    if (!started) {
      started = InferenceWorkerClient.start(backend, threads);
      clients.set(key, started);
    }
    return started;
  };
  const stopAll = () => {
    for (const started of clients.values()) void started.then((c) => c.terminate(), () => undefined);
  };
  signal?.addEventListener('abort', stopAll, { once: true });
  const checkpoint = () => {
    if (signal?.aborted) throw new ServiceError('CANCELLED', 'The AI reading was cancelled.');
  };
  const measured = new Map<string, number>();
  const keep = (key: string, ms: number) => measured.set(key, Math.min(ms, measured.get(key) ?? Number.POSITIVE_INFINITY));

  try {
    const probe = await (await client('wasm', 1)).probeWebGpu();
    if (probe.available) configs.push({ backend: 'webgpu', threads: appWasmThreads() });
    else unavailable.webgpu = probe.reason;
  } catch (error) {
    unavailable.webgpu = reason(error);
  }

  // Configurations are timed in turn, twice: a burst of load from elsewhere on the machine then
  // slows one round of one configuration, and the better round of each is kept.
  try {
    for (let round = 0; round < CALIBRATION_ROUNDS; round++) {
      for (const { backend, threads } of configs) {
        if (unavailable[backend]) continue;
        checkpoint();
        try {
          keep(`${backend}:${threads}`, (await (await client(backend, threads)).time(manifest, model, CALIBRATION_RUNS)).msPerView);
        } catch (error) {
          checkpoint();
          unavailable[backend] = reason(error);
        }
      }
      if (unavailable['node-cpu']) continue;
      checkpoint();
      try {
        keep('node-cpu', (await api.inference.calibrateNode(manifest.id)).msPerView);
      } catch (error) {
        unavailable['node-cpu'] = reason(error);
      }
    }
  } finally {
    stopAll();
  }

  let wasmThreads: number | undefined;
  for (const { backend, threads } of configs) {
    const ms = measured.get(`${backend}:${threads}`);
    if (ms === undefined || unavailable[backend] || ms >= (msPerView[backend] ?? Number.POSITIVE_INFINITY)) continue;
    msPerView[backend] = ms;
    if (backend === 'wasm') wasmThreads = threads;
  }
  if (!unavailable['node-cpu'] && measured.has('node-cpu')) msPerView['node-cpu'] = measured.get('node-cpu');

  signal?.removeEventListener('abort', stopAll);
  checkpoint();
  const chosen = chooseBackend(
    InferenceBackend.options.map((backend) => ({ backend, available: msPerView[backend] !== undefined, msPerView: msPerView[backend] })),
    'auto',
  );
  if (!chosen) throw new Error(`No inference backend could run ${manifest.name}: ${Object.values(unavailable).join('; ')}`);
  return { packKey: `${manifest.id}@${manifest.version}`, measuredAt: new Date().toISOString(), msPerView, unavailable, chosen, wasmThreads };
}
