import type { InferenceBackend } from '../../shared/domain/ai-result';
import type { TandemApi } from '../../shared/ipc/api';
import { ServiceError } from '../../shared/ipc/errors';
import type { PackManifest } from '../../shared/models/manifest';
import { calibrateBackends } from './calibrateBackends';
import { inferenceWorker, setWasmThreads } from './inferenceWorkers';
import { machineProfile } from './machineProfile';

/**
 * The backend a run uses: the user's choice from Settings → Models, or with `auto` the one the
 * first-use calibration measured fastest for this pack version (calibrating now if it never
 * ran or ran on another machine profile, and keeping the measurement in settings). A forced WebGPU on a machine without a real
 * adapter is refused with the reason instead of silently running elsewhere.
 */
export async function chooseBackend(api: TandemApi, manifest: PackManifest, signal: AbortSignal, onCalibrating: () => void): Promise<InferenceBackend> {
  const settings = await api.settings.get();
  const preference = settings.inferenceBackend;
  if (preference === 'webgpu') {
    const probe = await (await inferenceWorker('wasm')).probeWebGpu();
    if (!probe.available) throw new ServiceError('NOT_CONFIGURED', `WebGPU cannot run here: ${probe.reason}. Choose another backend in Settings → Models.`);
  }
  const key = `${manifest.id}@${manifest.version}`;
  const stored = settings.inferenceCalibration?.[key];
  const known = stored && stored.machine === (await machineProfile()) ? stored : undefined;
  // WASM runs with the thread count the calibration found fastest for this pack.
  setWasmThreads(known?.wasmThreads);
  if (preference !== 'auto') return preference;
  if (known) return known.chosen;
  onCalibrating();
  const calibration = await calibrateBackends(api, manifest, signal);
  const latest = await api.settings.get();
  await api.settings.update({ inferenceCalibration: { ...(latest.inferenceCalibration ?? {}), [key]: calibration } });
  setWasmThreads(calibration.wasmThreads);
  return calibration.chosen;
}
