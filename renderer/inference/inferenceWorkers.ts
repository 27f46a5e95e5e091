import { InferenceWorkerClient } from './InferenceWorkerClient';
import type { WorkerBackend } from './workerProtocol';

/**
 * The app's inference workers, one per backend, started on first use and kept (with their loaded
 * sessions) until a run is cancelled, which stops that backend's worker.
 */
const workers = new Map<WorkerBackend, Promise<InferenceWorkerClient>>();
let wasmThreads: number | undefined;

/** WASM threads by default: every core, up to 8 (more adds little for these graphs). */
export function appWasmThreads(): number {
  return Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1));
}

/**
 * The WASM thread count runs use from now on (the calibration's best; undefined = the default).
 * A worker running another count is stopped, since a runtime's thread count is fixed.
 */
export function setWasmThreads(threads: number | undefined): void {
  if (threads === wasmThreads) return;
  wasmThreads = threads;
  stopInferenceWorker('wasm');
}

/** The running worker for `backend`, started if needed. */
export function inferenceWorker(backend: WorkerBackend): Promise<InferenceWorkerClient> {
  let worker = workers.get(backend);
  if (!worker) {
    worker = InferenceWorkerClient.start(backend, backend === 'wasm' ? (wasmThreads ?? appWasmThreads()) : appWasmThreads());
    worker.catch(() => workers.delete(backend));
    workers.set(backend, worker);
  }
  return worker.then((client) => {
    if (!client.isTerminated) return client;
    workers.delete(backend);
    return inferenceWorker(backend);
  });
}

/** Stops `backend`'s worker now (the cancel of a run); the next run starts a fresh one. */
export function stopInferenceWorker(backend: WorkerBackend): void {
  const worker = workers.get(backend);
  workers.delete(backend);
  void worker?.then((client) => client.terminate(), () => undefined);
}
