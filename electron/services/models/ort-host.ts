import type { StudyAiResult } from '../../../shared/domain/ai-result';
import { ServiceError } from '../../../shared/ipc/errors';
import type { PackManifest } from '../../../shared/models/manifest';
import type { HostChannel, SpawnHost } from './host-channel';
import { forkOrtHost } from './fork-ort-host';
import type { OrtHostReply, OrtHostRequest } from './ort-host-protocol';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Failed = Extract<OrtHostReply, { type: 'failed' }>;
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
 * pack version; if the process dies, what was pending fails with the reason (a study half-way
 * fails whole) and the next run starts a fresh process, opening the model there again.
 */
export class OrtHost {
  private channel: HostChannel | undefined;
  /** Settles when the running process said it listens. */
  private ready: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly pending = new Map<number, Waiter>();
  private readonly opened = new Map<string, Promise<void>>();

  constructor(private readonly spawn: SpawnHost = forkOrtHost) {}

  /** The process id of the running inference process, if one runs. */
  get pid(): number | undefined {
    return this.channel?.pid;
  }

  /** Milliseconds per view of `runs` forward passes of the model under `key`, timed in the process. */
  async time(key: string, model: () => Promise<Uint8Array>, manifest: PackManifest, runs: number, warmUp: boolean): Promise<number[]> {
    await this.open(key, model);
    const reply = await this.call({ type: 'time', key, manifest, runs, warmUp });
    if (!reply.samples) throw new ServiceError('INTERNAL', 'The inference process returned no timings.');
    return reply.samples;
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

  private call(request: WithoutId<OrtHostRequest>, onProgress?: Waiter['onProgress'], id = this.nextId++): Promise<Done> {
    const channel = this.start();
    return new Promise<Done>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      channel.setBusy(true);
      // A process that dies before it is ready rejects everything pending, this included.
      void this.ready.then(() => channel.send({ ...request, id } as OrtHostRequest), () => undefined);
    });
  }

  private receive(reply: Exclude<OrtHostReply, { type: 'ready' }>): void {
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
    let answered = false;
    let listening: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => (listening = resolve));
    channel.onMessage((reply) => {
      answered = true;
      if (reply.type === 'ready') listening();
      else this.receive(reply);
    });
    channel.onExit((how) => {
      if (this.channel === channel) {
        this.channel = undefined;
        this.opened.clear();
      }
      const error = answered
        ? new ServiceError('INTERNAL', `The inference process stopped unexpectedly (${how}); the next AI run starts it again.`)
        : new ServiceError('INTERNAL', `The inference process could not start (${how}): the native AI runtime (onnxruntime-node) may be missing or damaged; reinstall Tandem, or choose WASM in Settings → Models.`);
      for (const id of [...this.pending.keys()]) this.settle(id, (waiter) => waiter.reject(error));
    });
    this.channel = channel;
    return channel;
  }
}

/** The process's failure as the reader sees it: its code kept (e.g. IMAGE_NOT_ACCEPTED for an undecodable file). */
function failure(reply: Failed): ServiceError {
  if (reply.code) return new ServiceError(reply.code, reply.message);
  // Messages from onnxruntime and the decoders name nodes, shapes and syntaxes, never patient
  // data: the reader may see them.
  return new ServiceError('INTERNAL', `The inference process failed: ${reply.message}`);
}
