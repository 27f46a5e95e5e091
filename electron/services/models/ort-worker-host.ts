import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { InferenceBackend } from '../../../shared/domain/ai-result';
import type { ModelRunner, Tensor } from '../../../shared/models/tensor';

/**
 * The worker's whole program. It is plain CommonJS given to the Worker as source, so the same
 * code runs under the tests, the loopback server and Electron's main process without an extra
 * bundle entry; onnxruntime-node is loaded from the path the host resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
const sessions = new Map();
parentPort.on('message', async (m) => {
  try {
    if (m.type === 'open') {
      if (!sessions.has(m.key)) {
        sessions.set(m.key, await ort.InferenceSession.create(m.model, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' }));
      }
      parentPort.postMessage({ id: m.id, ok: true });
    } else if (m.type === 'run') {
      const session = sessions.get(m.key);
      if (!session) throw new Error('The model is not open in the inference worker.');
      const feeds = {};
      for (const [name, t] of Object.entries(m.feeds)) feeds[name] = new ort.Tensor('float32', t.data, t.dims);
      const out = await session.run(feeds, m.outputNames);
      const outputs = {};
      const transfer = [];
      for (const name of m.outputNames) {
        const t = out[name];
        if (!t) throw new Error('The model returned no output ' + name);
        const data = new Float32Array(t.data);
        outputs[name] = { data, dims: t.dims };
        transfer.push(data.buffer);
      }
      parentPort.postMessage({ id: m.id, ok: true, outputs }, transfer);
    }
  } catch (error) {
    parentPort.postMessage({ id: m.id, ok: false, message: error && error.message ? error.message : String(error) });
  }
});
`;

interface Reply {
  id: number;
  ok: boolean;
  message?: string;
  outputs?: Record<string, Tensor>;
}

/**
 * onnxruntime-node on a worker thread: its `run` blocks the thread that calls it for the whole
 * forward pass, so the service loop (and in Electron, the main process that answers the window)
 * hands models to this worker and stays responsive. Sessions are kept per pack version.
 */
export class OrtWorkerHost {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  private readonly opened = new Map<string, Promise<void>>();

  /** A runner for the model under `key` (e.g. `pack@version`), opening it from `model()` once. */
  async runner(key: string, model: () => Promise<Uint8Array>): Promise<ModelRunner> {
    let opening = this.opened.get(key);
    if (!opening) {
      opening = model().then(async (bytes) => {
        const copy = bytes.slice();
        await this.call({ type: 'open', key, model: copy }, [copy.buffer]);
      });
      this.opened.set(key, opening);
      opening.catch(() => this.opened.delete(key));
    }
    await opening;
    return new WorkerModelRunner((feeds, outputNames) => this.run(key, feeds, outputNames));
  }

  /** Stops the worker; later calls start a new one. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.opened.clear();
    await worker?.terminate();
  }

  private async run(key: string, feeds: Record<string, Tensor>, outputNames: readonly string[]): Promise<Record<string, Tensor>> {
    const plain: Record<string, Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) plain[name] = { data: t.data, dims: [...t.dims] };
    const reply = await this.call({ type: 'run', key, feeds: plain, outputNames: [...outputNames] });
    return reply.outputs!;
  }

  private call(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Reply> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    }).then((reply) => {
      if (!reply.ok) throw new Error(reply.message ?? 'The inference worker failed.');
      return reply;
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Tests and the loopback bundle are ESM; the Electron bundle is CommonJS, where esbuild leaves
    // import.meta empty. (`typeof require` would not do: esbuild's ESM shim defines a `require`.)
    const ortPath = createRequire(typeof import.meta.url === 'string' ? import.meta.url : __filename).resolve('onnxruntime-node');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ortPath } });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiter?.resolve(reply);
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) {
        this.worker = undefined;
        this.opened.clear();
      }
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => failAll(new Error(`The inference worker stopped: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => failAll(new Error(`The inference worker exited (code ${code}).`)));
    this.worker = worker;
    return worker;
  }
}

class WorkerModelRunner implements ModelRunner {
  readonly backend: InferenceBackend = 'node-cpu';
  constructor(private readonly runImpl: (feeds: Record<string, Tensor>, outputNames: readonly string[]) => Promise<Record<string, Tensor>>) {}

  run(feeds: Record<string, Tensor>, outputNames: readonly string[]): Promise<Record<string, Tensor>> {
    return this.runImpl(feeds, outputNames);
  }
}
