import type { InferenceBackend } from '../domain/ai-result';
import type { BackendPreference } from './trusted-key';

/** One backend's calibration on this machine (a few forward passes of the pack's graph). */
export interface BackendCalibration {
  backend: InferenceBackend;
  /** False when the backend cannot run here (no real WebGPU adapter, no native service). */
  available: boolean;
  msPerView?: number;
}

/**
 * The app's backend choice: the user's forced choice when it is available; otherwise the fastest
 * calibrated backend. On a tie within 5 %, the order of preference is node-cpu (keeps the
 * renderer free), then webgpu, then wasm.
 */
export function chooseBackend(calibrations: readonly BackendCalibration[], preference: BackendPreference = 'auto'): InferenceBackend | undefined {
  const usable = calibrations.filter((c) => c.available && c.msPerView !== undefined);
  if (preference !== 'auto' && calibrations.some((c) => c.backend === preference && c.available)) return preference;
  if (usable.length === 0) return undefined;
  const best = Math.min(...usable.map((c) => c.msPerView!));
  const order: InferenceBackend[] = ['node-cpu', 'webgpu', 'wasm'];
  return order.find((b) => usable.some((c) => c.backend === b && c.msPerView! <= best * 1.05));
}
