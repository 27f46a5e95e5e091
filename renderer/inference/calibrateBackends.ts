import { InferenceBackend } from '../../shared/domain/ai-result';
import type { BackendCalibration } from '../../shared/domain/backend-calibration';
import type { TandemApi } from '../../shared/ipc/api';
import { ServiceError, toErrorData } from '../../shared/ipc/errors';
import { chooseBackend } from '../../shared/models/choose-backend';
import { timeInterleaved } from '../../shared/models/interleaved-timing';
import type { PackManifest } from '../../shared/models/manifest';
import { backendTimer, configurationKey, TimingWorkers, type BackendConfiguration } from './backendTimers';
import { appWasmThreads } from './inferenceWorkers';
import { machineProfile } from './machineProfile';

const reason = (error: unknown): string => (error instanceof Error ? error.message : toErrorData(error).message);

/** The configurations worth timing here: WASM with every core and with one thread, WebGPU when real, native. */
export async function candidateConfigurations(workers: TimingWorkers): Promise<{ configurations: BackendConfiguration[]; webgpuUnavailable?: string }> {
  // On a busy machine one WASM thread can beat several, so both are timed.
  const configurations: BackendConfiguration[] = [{ backend: 'wasm', threads: appWasmThreads() }];
  if (appWasmThreads() > 1) configurations.push({ backend: 'wasm', threads: 1 });
  let webgpuUnavailable: string | undefined;
  try {
    const probe = await (await workers.client('wasm', 1)).probeWebGpu();
    if (probe.available) configurations.push({ backend: 'webgpu', threads: appWasmThreads() });
    else webgpuUnavailable = probe.reason;
  } catch (error) {
    webgpuUnavailable = reason(error);
  }
  configurations.push({ backend: 'node-cpu' });
  return { configurations, webgpuUnavailable };
}

/**
 * The first-use calibration for one pack: every candidate configuration on the pack's own graph
 * and the shared synthetic input, timed in interleaved turns (`timeInterleaved`), so load from
 * elsewhere on the machine falls on all of them alike. Chooses by the shared rule (the fastest;
 * near-ties go to the native backend, which keeps the renderer free) and keeps the WASM thread
 * count that won. Backends that cannot run are recorded with the reason; the calibration fails
 * only when none can.
 */
export async function calibrateBackends(api: TandemApi, manifest: PackManifest, signal?: AbortSignal): Promise<BackendCalibration> {
  const workers = new TimingWorkers();
  const stop = () => workers.stop();
  signal?.addEventListener('abort', stop, { once: true });
  const checkpoint = () => {
    if (signal?.aborted) throw new ServiceError('CANCELLED', 'The AI reading was cancelled.');
  };
  const msPerView: Partial<Record<InferenceBackend, number>> = {};
  const unavailable: Partial<Record<InferenceBackend, string>> = {};
  let wasmThreads: number | undefined;
  try {
    const { configurations, webgpuUnavailable } = await candidateConfigurations(workers);
    checkpoint();
    if (webgpuUnavailable) unavailable.webgpu = webgpuUnavailable;
    const timing = await timeInterleaved(
      configurations.map((c) => backendTimer(api, manifest, c, workers)),
      { checkpoint },
    );
    for (const configuration of configurations) {
      const { backend, threads } = configuration;
      const ms = timing.msPerView[configurationKey(configuration)];
      const failure = timing.failed[configurationKey(configuration)];
      if (ms === undefined) {
        if (failure !== undefined && msPerView[backend] === undefined) unavailable[backend] = reason(failure);
        continue;
      }
      delete unavailable[backend];
      if (ms >= (msPerView[backend] ?? Number.POSITIVE_INFINITY)) continue;
      msPerView[backend] = ms;
      if (backend === 'wasm') wasmThreads = threads;
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    stop();
  }
  checkpoint();
  const chosen = chooseBackend(
    InferenceBackend.options.map((backend) => ({ backend, available: msPerView[backend] !== undefined, msPerView: msPerView[backend] })),
    'auto',
  );
  if (!chosen) throw new Error(`No inference backend could run ${manifest.name}: ${Object.values(unavailable).join('; ')}`);
  return { packKey: `${manifest.id}@${manifest.version}`, measuredAt: new Date().toISOString(), msPerView, unavailable, chosen, wasmThreads, machine: await machineProfile() };
}
