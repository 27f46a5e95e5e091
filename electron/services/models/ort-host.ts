import type { InferenceBackend } from '../../../shared/domain/ai-result';
import { ServiceError } from '../../../shared/ipc/errors';
import type { ModelRunner, Tensor } from '../../../shared/models/tensor';
import type { HostChannel, SpawnHost } from './host-channel';
import { forkOrtHost } from './fork-ort-host';
import type { OrtHostReply, OrtHostRequest } from './ort-host-protocol';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * onnxruntime-node in a process of its own: Electron's utility process, or a forked child in
 * plain Node. A forward pass blocks the thread that runs it, and a fault in the native runtime
 * ends the process it is in; here neither reaches the service process (in Electron, the main
 * process that answers the window). Sessions are kept per pack version; if the process dies, what
 * was pending fails with the reason and the next run starts a fresh process.
 */
export class OrtHost {
  private channel: HostChannel | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(reply: OrtHostReply): void; reject(error: Error): void }>();
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

  /** A runner for the model under `key` (e.g. `pack@version`), opening it from `model()` once. */
  async runner(key: string, model: () => Promise<Uint8Array>): Promise<ModelRunner> {
    let opening = this.opened.get(key);
    if (!opening) {
      opening = model().then(async (bytes) => {
        await this.call({ type: 'open', key, model: bytes });
      });
      this.opened.set(key, opening);
      opening.catch(() => this.opened.delete(key));
    }
    await opening;
    const generation = this.generation;
    return new ProcessModelRunner((feeds, outputNames) => {
      // A process that died took the model with it: the run fails with how it died (the job that
      // was half-way fails whole), and the next runner opens the model in a fresh process.
      const death = this.deaths.get(generation);
      if (death || generation !== this.generation) return Promise.reject(death ?? new ServiceError('INTERNAL', 'The inference process was stopped.'));
      return this.run(key, feeds, outputNames);
    });
  }

  /** Stops the process; later calls start a new one. */
  async dispose(): Promise<void> {
    const channel = this.channel;
    this.channel = undefined;
    this.opened.clear();
    channel?.kill();
  }

  private async run(key: string, feeds: Record<string, Tensor>, outputNames: readonly string[]): Promise<Record<string, Tensor>> {
    const plain: Record<string, Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) plain[name] = { data: t.data, dims: [...t.dims] };
    const reply = await this.call({ type: 'run', key, feeds: plain, outputNames: [...outputNames] });
    if (!reply.ok || !reply.outputs) throw new ServiceError('INTERNAL', 'The inference process returned no outputs.');
    return reply.outputs;
  }

  private call(request: WithoutId<OrtHostRequest>): Promise<OrtHostReply> {
    const channel = this.start();
    const id = this.nextId++;
    return new Promise<OrtHostReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      channel.setBusy(true);
      channel.send({ ...request, id } as OrtHostRequest);
    }).then((reply) => {
      // onnxruntime's messages name nodes and shapes, never patient data: the reader may see them.
      if (!reply.ok) throw new ServiceError('INTERNAL', `onnxruntime could not run the model: ${reply.message}`);
      return reply;
    });
  }

  private settle(id: number, settle: (waiter: { resolve(reply: OrtHostReply): void; reject(error: Error): void }) => void): void {
    const waiter = this.pending.get(id);
    this.pending.delete(id);
    if (waiter) settle(waiter);
    if (this.pending.size === 0) this.channel?.setBusy(false);
  }

  private start(): HostChannel {
    if (this.channel) return this.channel;
    const channel = this.spawn();
    const generation = ++this.generation;
    channel.onMessage((reply) => this.settle(reply.id, (waiter) => waiter.resolve(reply)));
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

class ProcessModelRunner implements ModelRunner {
  readonly backend: InferenceBackend = 'node-cpu';
  constructor(private readonly runImpl: (feeds: Record<string, Tensor>, outputNames: readonly string[]) => Promise<Record<string, Tensor>>) {}

  run(feeds: Record<string, Tensor>, outputNames: readonly string[]): Promise<Record<string, Tensor>> {
    return this.runImpl(feeds, outputNames);
  }
}
