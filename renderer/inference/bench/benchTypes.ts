import type { InferenceBackend } from '../../../shared/domain/ai-result';

/** What the Node side of the bench asks the bench page for. */
export interface RendererBenchRequest {
  packIds: string[];
  /** Timed rounds per configuration (interleaved turns; the calibration uses fewer). */
  rounds: number;
}

/** Median milliseconds per view of one pack in each configuration, timed side by side. */
export interface RendererBenchResult {
  packId: string;
  viewsPerStudy: number;
  crossOriginIsolated: boolean;
  wasm1?: number;
  wasm2?: number;
  webgpu?: number;
  /** onnxruntime-node in the service, timed in the same interleaved turns. */
  native?: number;
  /** Why a configuration has no time (e.g. "only a fallback adapter"), by configuration key. */
  unavailable: Record<string, string>;
  /** Samples per configuration behind each median. */
  samples: Record<string, number>;
  /** The backend the app's first-use calibration chose on this machine, earlier in the same run. */
  chosen: InferenceBackend;
  /** The WASM thread count the calibration chose. */
  wasmThreads?: number;
}
