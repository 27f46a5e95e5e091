import type { InferenceBackend } from '../../../shared/domain/ai-result';

/** What the Node side of the bench asks the bench page for. */
export interface RendererBenchRequest {
  packIds: string[];
  /** Timed runs per configuration, after one warm-up. */
  runs: number;
}

/** Median milliseconds per view of one pack in each renderer configuration. */
export interface RendererBenchResult {
  packId: string;
  viewsPerStudy: number;
  crossOriginIsolated: boolean;
  wasm1: number;
  wasm2: number;
  webgpu?: number;
  webgpuUnavailable?: string;
  /** The backend the app's first-use calibration chooses on this machine. */
  chosen: InferenceBackend;
  /** The WASM thread count the calibration chose. */
  wasmThreads?: number;
}
