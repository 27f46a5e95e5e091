import { z } from 'zod';
import { InferenceBackend } from './ai-result';

/**
 * What the first-use calibration measured on this machine for one model pack: milliseconds per
 * view of every backend that could run, why the others could not, and the backend it chose (the
 * fastest). Kept in settings so it runs once per pack version; the user may override the choice.
 */
export const BackendCalibration = z.object({
  /** packId@version: a new version of a pack is calibrated again. */
  packKey: z.string().min(1).max(200),
  measuredAt: z.string(),
  msPerView: z.partialRecord(InferenceBackend, z.number().min(0)),
  /** Backends that could not run here, with the reason (e.g. "only a fallback adapter"). */
  unavailable: z.partialRecord(InferenceBackend, z.string()),
  chosen: InferenceBackend,
  /** The WASM thread count that measured fastest (1, or every core up to 8): what WASM runs use. */
  wasmThreads: z.number().int().min(1).max(64).optional(),
  /** What it was measured on (cores, WebGPU adapter); another profile calls for a new calibration. */
  machine: z.string().max(300).optional(),
});
export type BackendCalibration = z.infer<typeof BackendCalibration>;
