import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { buildResNet18 } from '../../../models/onnx/resnet';
import { NodeModelRunner } from './ort-session';
import { OrtHost } from './ort-host';

const SIZE = 256;
const model = buildResNet18(SIZE);
const feeds = () => ({ input: { data: new Float32Array(3 * SIZE * SIZE).fill(0.25), dims: [1, 3, SIZE, SIZE] } });

/** The longest gap between timer ticks while `work` runs: how long this thread could not answer. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 2);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(worst, performance.now() - last);
}

describe('OrtHost: onnxruntime-node in a process of its own', () => {
  const host = new OrtHost();
  afterAll(() => host.dispose());

  it('gives the same outputs as a session in this process, without stalling this thread', async () => {
    const local = new NodeModelRunner(await ort.InferenceSession.create(model));
    const inThread = { stall: 0, out: undefined as Float32Array | undefined };
    inThread.stall = await longestStall(async () => {
      inThread.out = (await local.run(feeds(), ['logits'])).logits!.data;
    });
    const runner = await host.runner('resnet@1', async () => model);
    await runner.run(feeds(), ['logits']);
    let fromWorker: Float32Array | undefined;
    const workerStall = await longestStall(async () => {
      fromWorker = (await runner.run(feeds(), ['logits'])).logits!.data;
    });
    expect(Array.from(fromWorker!)).toEqual(Array.from(inThread.out!));
    // A forward pass on this thread blocks it for its whole length; in the inference process it does not.
    expect(inThread.stall, `stall on this thread ${inThread.stall} ms, with the worker ${workerStall} ms`).toBeGreaterThan(2 * workerStall);
  });

  it('reports a model that cannot be opened, and keeps serving others', async () => {
    await expect(host.runner('broken@1', async () => new Uint8Array([1, 2, 3]))).rejects.toThrow();
    const runner = await host.runner('resnet@1', async () => model);
    expect((await runner.run(feeds(), ['logits'])).logits!.dims).toEqual([1, 1000]);
  });

  it('survives the inference process dying mid-run: the run fails with the reason, the next one works', async () => {
    const runner = await host.runner('resnet@1', async () => model);
    const first = host.pid!;
    const running = runner.run(feeds(), ['logits']);
    // A native fault in onnxruntime ends its process the way a SIGKILL does.
    process.kill(first, 'SIGKILL');
    await expect(running).rejects.toThrow(/inference process stopped unexpectedly \(signal SIGKILL\)/);
    const again = await host.runner('resnet@1', async () => model);
    expect((await again.run(feeds(), ['logits'])).logits!.dims).toEqual([1, 1000]);
    expect(host.pid).not.toBe(first);
  });
});
