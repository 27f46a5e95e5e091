import type { StudyAiResult } from '../../shared/domain/ai-result';
import { ServiceError, type ErrorData } from '../../shared/ipc/errors';
import type { PackManifest } from '../../shared/models/manifest';
import type { SourceImage } from '../../shared/models/source-image';
import type { WebGpuAvailability } from './webgpuAdapter';
import type { WorkerBackend, WorkerReply, WorkerRequest } from './workerProtocol';

/** Distributes `Omit` over a union (each request type keeps its own fields). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A pack's graph as a request names it; the bytes are fetched only when the worker lacks them. */
export interface ModelSource {
  key: string;
  load(): Promise<ArrayBuffer>;
}

interface Pending {
  resolve(reply: WorkerReply): void;
  reject(error: ServiceError): void;
  onProgress?(viewsDone: number, viewsTotal: number): void;
}

/**
 * The page's handle on one inference worker (one backend, one thread count). Requests are
 * promises; a run reports progress per view. `terminate` is the cancel: it stops the worker at
 * once, whatever it is doing, and rejects what was pending with CANCELLED.
 */
export class InferenceWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly loadedModels = new Set<string>();
  private nextId = 1;
  private terminated = false;

  private constructor(readonly backend: WorkerBackend) {
    this.worker = new Worker(new URL('./inference.worker.ts', import.meta.url), { type: 'module', name: `tandem-inference-${backend}` });
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failAll({ code: 'INTERNAL', message: `The inference worker stopped: ${event.message || 'it could not start'}` });
    };
  }

  /** Starts a worker and its runtime: `numThreads` WASM threads (WebGPU still uses WASM for glue). */
  static async start(backend: WorkerBackend, numThreads: number): Promise<InferenceWorkerClient> {
    const client = new InferenceWorkerClient(backend);
    try {
      await client.request({ type: 'init', backend, numThreads });
    } catch (error) {
      client.terminate();
      throw error;
    }
    return client;
  }

  /** Whether this context has a real WebGPU adapter (asked inside the worker, where it would run). */
  async probeWebGpu(): Promise<WebGpuAvailability> {
    const reply = await this.request({ type: 'probe-webgpu' });
    if (reply.type !== 'webgpu') throw unexpected(reply);
    return reply.availability;
  }

  /** Runs the pack on a study's images; their pixel buffers are transferred (the caller's copies go). */
  async run(manifest: PackManifest, model: ModelSource, images: SourceImage[], onProgress?: Pending['onProgress']): Promise<StudyAiResult> {
    const ref = await this.modelRef(model);
    const transfer = [...images.map((image) => image.pixels.buffer), ref.bytes].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    const reply = await this.request({ type: 'run', manifest, model: ref, images }, transfer, onProgress);
    if (reply.type !== 'result') throw unexpected(reply);
    return reply.result;
  }

  /**
   * Milliseconds per view of `runs` forward passes on the shared synthetic input (after an untimed
   * warm-up when `warmUp`), and how long the graph took to load.
   */
  async time(manifest: PackManifest, model: ModelSource, runs: number, warmUp = true): Promise<{ samples: number[]; loadMs: number }> {
    const ref = await this.modelRef(model);
    const reply = await this.request({ type: 'time', manifest, model: ref, runs, warmUp }, ref.bytes ? [ref.bytes] : []);
    if (reply.type !== 'timing') throw unexpected(reply);
    return { samples: reply.samples, loadMs: reply.loadMs };
  }

  /** Stops the worker now; pending requests reject with CANCELLED. */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.worker.terminate();
    this.failAll({ code: 'CANCELLED', message: 'The AI reading was cancelled.' });
  }

  get isTerminated(): boolean {
    return this.terminated;
  }

  private async modelRef(model: ModelSource): Promise<{ key: string; bytes?: ArrayBuffer }> {
    if (this.loadedModels.has(model.key)) return { key: model.key };
    const bytes = await model.load();
    this.loadedModels.add(model.key);
    return { key: model.key, bytes };
  }

  private request(message: WithoutId<WorkerRequest>, transfer: Transferable[] = [], onProgress?: Pending['onProgress']): Promise<WorkerReply> {
    if (this.terminated) return Promise.reject(new ServiceError('CANCELLED', 'The inference worker has been stopped.'));
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ ...message, id } as WorkerRequest, transfer);
    });
  }

  private receive(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'progress') {
      pending.onProgress?.(reply.viewsDone, reply.viewsTotal);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'error') {
      // A failed load leaves no session behind in the worker: send the bytes again next time.
      this.loadedModels.clear();
      pending.reject(ServiceError.fromData(reply.error));
    } else {
      pending.resolve(reply);
    }
  }

  private failAll(error: ErrorData): void {
    for (const pending of this.pending.values()) pending.reject(ServiceError.fromData(error));
    this.pending.clear();
    this.loadedModels.clear();
  }
}

function unexpected(reply: WorkerReply): ServiceError {
  return new ServiceError('INTERNAL', `The inference worker answered "${reply.type}" out of turn.`);
}
