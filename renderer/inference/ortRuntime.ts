import * as ort from 'onnxruntime-web';
// The runtime's glue and binary are copied into the build by Vite and served by the app itself:
// nothing is fetched from a CDN, and the app works with no network.
import ortGlueUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import type { WorkerBackend } from './workerProtocol';

/**
 * onnxruntime-web inside the inference worker. One runtime per worker: its thread count is fixed
 * when the WASM module starts, so a worker is created per (backend, threads) choice.
 */
let configured: { backend: WorkerBackend; numThreads: number } | undefined;

/**
 * Configures the runtime once: WASM with SIMD and `numThreads` threads (threads need the page
 * to be cross-origin isolated, which Tandem's pages are; without it ORT falls back to one), and
 * the JSEP build, which also carries the WebGPU execution provider.
 */
export function configureOrt(backend: WorkerBackend, numThreads: number): { numThreads: number } {
  if (configured) {
    if (configured.backend !== backend || configured.numThreads !== numThreads) {
      throw new Error(`This inference worker already runs ${configured.backend} with ${configured.numThreads} thread(s).`);
    }
    return configured;
  }
  ort.env.wasm.wasmPaths = { mjs: ortGlueUrl, wasm: ortWasmUrl };
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? numThreads : 1;
  // Already in a worker: no second proxy worker.
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'error';
  configured = { backend, numThreads: ort.env.wasm.numThreads };
  return configured;
}

/** One graph loaded for the configured backend. */
export async function createSession(bytes: ArrayBuffer): Promise<ort.InferenceSession> {
  if (!configured) throw new Error('configureOrt must run before a session is created');
  return ort.InferenceSession.create(new Uint8Array(bytes), {
    executionProviders: [configured.backend],
    graphOptimizationLevel: 'all',
    // Errors only: the runtime's warnings (e.g. shape ops placed on the CPU) are not for the reader.
    logSeverityLevel: 3,
  });
}

export { ort };
