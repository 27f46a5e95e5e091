/// <reference lib="webworker" />
import { timeForwardPasses } from '../../shared/models/forward-pass-timing';
import { toWorkerError } from './workerError';
import { configureOrt } from './ortRuntime';
import { OrtModelRunner } from './ortModelRunner';
import { sessionFor } from './sessionCache';
import { runStudyInWorker } from './studyInWorker';
import { probeWebGpu } from './webgpuAdapter';
import type { WorkerBackend, WorkerReply, WorkerRequest } from './workerProtocol';

/**
 * The inference worker: onnxruntime-web (WebGPU or WASM with SIMD and threads), the shared pixel
 * pipeline and post-processing, all off the UI thread. The page cancels a run by terminating
 * the worker (onnxruntime cannot stop a run half-way), so nothing here waits on a cancel flag.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let backend: WorkerBackend | undefined;

const reply = (message: WorkerReply, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'probe-webgpu':
      return reply({ id: request.id, type: 'webgpu', availability: await probeWebGpu(scope) });
    case 'init': {
      const { numThreads } = configureOrt(request.backend, request.numThreads);
      backend = request.backend;
      return reply({ id: request.id, type: 'ready', backend: request.backend, numThreads, crossOriginIsolated: scope.crossOriginIsolated });
    }
    case 'run': {
      if (!backend) throw new Error('The inference worker was not initialised.');
      const runner = new OrtModelRunner(await sessionFor(request.model), backend);
      const result = await runStudyInWorker(request.manifest, request.images, runner, (viewsDone, viewsTotal) =>
        reply({ id: request.id, type: 'progress', viewsDone, viewsTotal }),
      );
      return reply({ id: request.id, type: 'result', result });
    }
    case 'time': {
      if (!backend) throw new Error('The inference worker was not initialised.');
      const started = performance.now();
      const session = await sessionFor(request.model);
      const loadMs = performance.now() - started;
      const { samples } = await timeForwardPasses(new OrtModelRunner(session, backend), request.manifest, request.runs, request.warmUp);
      return reply({ id: request.id, type: 'timing', samples, loadMs });
    }
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => reply({ id: request.id, type: 'error', error: toWorkerError(error) }));
};
