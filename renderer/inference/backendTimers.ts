import type { InferenceBackend } from '../../shared/domain/ai-result';
import type { TandemApi } from '../../shared/ipc/api';
import type { TimedConfiguration } from '../../shared/models/interleaved-timing';
import type { PackManifest } from '../../shared/models/manifest';
import { InferenceWorkerClient } from './InferenceWorkerClient';
import { packModelSource } from './modelSource';
import type { WorkerBackend } from './workerProtocol';

/** A backend as timed: WASM and WebGPU with the worker's thread count; native as the service runs it. */
export interface BackendConfiguration {
  backend: InferenceBackend;
  threads?: number;
}

export const configurationKey = (c: BackendConfiguration): string => (c.threads === undefined ? c.backend : `${c.backend}:${c.threads}`);

/**
 * Workers for timing, one per configuration (a runtime's thread count is fixed when it starts),
 * separate from the app's run workers. `stop` ends them all at once: the cancel.
 */
export class TimingWorkers {
  private readonly clients = new Map<string, Promise<InferenceWorkerClient>>();

  client(backend: WorkerBackend, threads: number): Promise<InferenceWorkerClient> {
    const key = `${backend}:${threads}`;
    let started = this.clients.get(key);
    if (!started) {
      started = InferenceWorkerClient.start(backend, threads);
      this.clients.set(key, started);
    }
    return started;
  }

  stop(): void {
    for (const started of this.clients.values()) void started.then((c) => c.terminate(), () => undefined);
    this.clients.clear();
  }
}

/**
 * The configuration as something `timeInterleaved` can time: a worker's timing request, or the
 * service's `inference.calibrateNode` for the native backend (timed inside the service, so the
 * IPC hop is not counted, as it is not part of a native run either).
 */
export function backendTimer(api: TandemApi, manifest: PackManifest, configuration: BackendConfiguration, workers: TimingWorkers): TimedConfiguration {
  const key = configurationKey(configuration);
  if (configuration.backend === 'node-cpu') {
    return { key, time: async (runs, warmUp) => (await api.inference.calibrateNode(manifest.id, { runs, warmUp })).samples };
  }
  const backend = configuration.backend;
  const model = packModelSource(api, manifest);
  return { key, time: async (runs, warmUp) => (await (await workers.client(backend, configuration.threads ?? 1)).time(manifest, model, runs, warmUp)).samples };
}
