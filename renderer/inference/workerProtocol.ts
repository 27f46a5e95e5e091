import type { StudyAiResult } from '../../shared/domain/ai-result';
import type { ErrorData } from '../../shared/ipc/errors';
import type { PackManifest } from '../../shared/models/manifest';
import type { SourceImage } from '../../shared/models/source-image';
import type { WebGpuAvailability } from './webgpuAdapter';

/** The onnxruntime-web backends the worker can run. */
export type WorkerBackend = 'wasm' | 'webgpu';

/** The model a request runs: a pack's graph, sent once per worker and cached there by `key`. */
export interface ModelRef {
  /** packId@version: the worker keeps one session per key. */
  key: string;
  /** The ONNX bytes; omitted when the worker already holds a session for `key`. */
  bytes?: ArrayBuffer;
}

/** Page → worker. Every request carries an id; every reply to it carries the same id. */
export type WorkerRequest =
  | { id: number; type: 'init'; backend: WorkerBackend; numThreads: number }
  | { id: number; type: 'probe-webgpu' }
  | { id: number; type: 'run'; manifest: PackManifest; model: ModelRef; images: SourceImage[] }
  | { id: number; type: 'time'; manifest: PackManifest; model: ModelRef; runs: number; warmUp: boolean };

/** Worker → page. */
export type WorkerReply =
  | { id: number; type: 'ready'; backend: WorkerBackend; numThreads: number; crossOriginIsolated: boolean }
  | { id: number; type: 'webgpu'; availability: WebGpuAvailability }
  | { id: number; type: 'progress'; viewsDone: number; viewsTotal: number }
  | { id: number; type: 'result'; result: StudyAiResult }
  | { id: number; type: 'timing'; samples: number[]; loadMs: number }
  | { id: number; type: 'error'; error: ErrorData };
