import type { InferenceBackend, StudyAiResult } from '../../../shared/domain/ai-result';
import { ServiceError } from '../../../shared/ipc/errors';
import type { PackManifest } from '../../../shared/models/manifest';
import type { ModelRunner, Tensor } from '../../../shared/models/tensor';
import type { HostChannel, SpawnHost } from './host-channel';
import { forkOrtHost } from './fork-ort-host';
import type { OrtHostReply, OrtHostRequest } from './ort-host-protocol';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Final = Exclude<OrtHostReply, { type: 'progress' }>;
type Done = Extract<OrtHostReply, { type: 'done' }>;

interface Waiter {
  resolve(reply: Done): void;
  reject(error: Error): void;
  onProgress?(done: number, total: number): void;
}

export interface StudyRunOptions {
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  operatingPoint?: string;
}

/**
 * onnxruntime-node in a process of its own: Electron's utility process, or a forked child in
 * plain Node. A study's files go there whole, and decoding, the pixel pipeline, the forward
 * passes and the heatmaps all run there; a fault in the native runtime ends that process, not the
 * service process (in Electron, the main process that answers the window). Sessions are kept per
 * pack version; if the process dies, what was pending fails with the reason and the next run
 * starts a fresh process.
 */
export class OrtHost {
  private channel: HostChannel | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Waiter>();
  private readonly opened = new Map<string, Promise<void>>();
  /** Counts the processes started; a runner belongs to the one its model was opened in. */
  private generation = 0;
  /** How each process that died ended, by generation. */
  private readonly deaths = new Map<number, ServiceError>();

  constructor(private readonly spawn: SpawnHost = forkOrtHost) {}

  /** The process id of the running inference process, if one runs. */
  get pid(): number | undefined {
    return this.channel?.pid;
  }

  /** A runner of forward passes for the model under `key` (e.g. `pack@version`), opening it from `model()` once. */
  async runner(key: string, model: () => Promise<Uint8Array>): Promise<ModelRunner> {
    await this.open(key, model);
    const generation = this.generation;
    return new ProcessModelRunner(async (feeds, outputNames) => {
      // A process that died took the model with it: the run fails with how it died, and the next
      // runner opens the model in a fresh process.
      this.checkAlive(generation);
      const plain: Record<string, Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) plain[name] = { data: t.data, dims: [...t.dims] };
      const reply = await this.call({ type: 'run', key, feeds: plain, outputNames: [...outputNames] });
      if (!reply.outputs) throw new ServiceError('INTERNAL', 'The inference process returned no outputs.');
      return reply.outputs;
    });
  }

  /** Reads a study in the inference process: its Part 10 files decoded, prepared and run there. */
  async runStudy(key: string, model: () => Promise<Uint8Array>, manifest: PackManifest, files: Uint8Array[], options: StudyRunOptions = {}): Promise<StudyAiResult> {
    await this.open(key, model);
    const id = this.nextId++;
    const cancel = () => this.channel?.send({ id: this.nextId++, type: 'cancel', target: id });
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const request = { type: 'run-study' as const, key, manifest, files, ...(options.operatingPoint ? { operatingPoint: options.operatingPoint } : {}) };
      const reply = await this.call(request, options.onProgress, id);
      if (!reply.result) throw new ServiceError('INTERNAL', 'The inference process returned no result.');
      return reply.result;
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  }

  /** Stops the process; later calls start a new one. */
  async dispose(): Promise<void> {
    const channel = this.channel;
    this.channel = undefined;
    this.opened.clear();
    channel?.kill();
  }

  private async open(key: string, model: () => Promise<Uint8Array>): Promise<void> {
    let opening = this.opened.get(key);
    if (!opening) {
      opening = model().then(async (bytes) => {
        await this.call({ type: 'open', key, model: bytes });
      });
      this.opened.set(key, opening);
      opening.catch(() => this.opened.delete(key));
    }
    await opening;
  }

  private checkAlive(generation: number): void {
    const death = this.deaths.get(generation);
    if (death || generation !== this.generation) throw death ?? new ServiceError('INTERNAL', 'The inference process was stopped.');
  }

  private call(request: WithoutId<OrtHostRequest>, onProgress?: Waiter['onProgress'], id = this.nextId++): Promise<Done> {
    const channel = this.start();
    return new Promise<Done>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      channel.setBusy(true);
      channel.send({ ...request, id } as OrtHostRequest);
    });
  }

  private receive(reply: OrtHostReply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    if (reply.type === 'progress') {
      waiter.onProgress?.(reply.done, reply.total);
      return;
    }
    this.settle(reply.id, (w) => (reply.type === 'done' ? w.resolve(reply) : w.reject(failure(reply))));
  }

  private settle(id: number, settle: (waiter: Waiter) => void): void {
    const waiter = this.pending.get(id);
    this.pending.delete(id);
    if (waiter) settle(waiter);
    if (this.pending.size === 0) this.channel?.setBusy(false);
  }

  private start(): HostChannel {
    if (this.channel) return this.channel;
    const channel = this.spawn();
    const generation = ++this.generation;
    channel.onMessage((reply) => this.receive(reply));
    channel.onExit((how) => {
      if (this.channel === channel) {
        this.channel = undefined;
        this.opened.clear();
      }
      const error = new ServiceError('INTERNAL', `The inference process stopped unexpectedly (${how}); the next AI run starts it again.`);
      this.deaths.set(generation, error);
      for (const id of [...this.pending.keys()]) this.settle(id, (waiter) => waiter.reject(error));
    });
    this.channel = channel;
    return channel;
  }
}

/** The process's failure as the reader sees it: its code kept (e.g. IMAGE_NOT_ACCEPTED for an undecodable file). */
function failure(reply: Extract<Final, { type: 'failed' }>): ServiceError {
  if (reply.code) return new ServiceError(reply.code, reply.message);
  // Messages from onnxruntime and the decoders name nodes, shapes and syntaxes, never patient
  // data: the reader may see them.
  return new ServiceError('INTERNAL', `The inference process failed: ${reply.message}`);
}

class ProcessModelRunner implements ModelRunner {
  readonly backend: InferenceBackend = 'node-cpu';
  constructor(private readonly runImpl: (feeds: Record<string, Tensor>, outputNames: readonly string[]) => Promise<Record<string, Tensor>>) {}

  run(feeds: Record<string, Tensor>, outputNames: readonly string[]): Promise<Record<string, Tensor>> {
    return this.runImpl(feeds, outputNames);
  }
}
