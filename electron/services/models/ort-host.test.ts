import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildResNet18 } from '../../../models/onnx/resnet';
import type { PackManifest } from '../../../shared/models/manifest';
import { forkOrtHost, ortHostEntry } from './fork-ort-host';
import { OrtHost } from './ort-host';
import { probeManifest } from './testing/probe-pack';
import { cpuMs } from './testing/cpu-time';

const SIZE = 256;
const model = buildResNet18(SIZE);
/** The fields timing reads, for the ResNet graph (input `input`, output `logits`). */
const manifest = probeManifest({
  input: { ...probeManifest().input, tensor: { name: 'input', type: 'float32', shape: ['batch', 3, SIZE, SIZE] }, channels: 3 },
  output: { ...probeManifest().output, tensor: { name: 'logits', type: 'float32', shape: ['batch', 'classes'] } },
  heatmap: { source: 'none' },
}) as unknown as PackManifest;

describe('OrtHost: onnxruntime-node in a process of its own', () => {
  const host = new OrtHost();
  afterAll(() => host.dispose());

  it('times forward passes in the inference process, at no cost to this one', async () => {
    await host.time('resnet@1', async () => model, manifest, 1, true);
    expect(host.pid, 'the model runs in another process').not.toBe(process.pid);
    let samples: number[] = [];
    const here = await cpuMs(async () => {
      samples = await host.time('resnet@1', async () => model, manifest, 5, false);
    });
    expect(samples).toHaveLength(5);
    const there = samples.reduce((a, b) => a + b, 0);
    expect(here, `CPU here ${here.toFixed(0)} ms while the process ran ${there.toFixed(0)} ms of forward passes`).toBeLessThan(there / 3);
  });

  it('reports a model that cannot be opened, and keeps serving others', async () => {
    await expect(host.time('broken@1', async () => new Uint8Array([1, 2, 3]), manifest, 1, true)).rejects.toThrow(/inference process failed/);
    expect(await host.time('resnet@1', async () => model, manifest, 1, false)).toHaveLength(1);
  });

  it('survives the inference process dying mid-run: the run fails with the reason, the next one works', async () => {
    await host.time('resnet@1', async () => model, manifest, 1, false);
    const first = host.pid!;
    const running = host.time('resnet@1', async () => model, manifest, 50, false);
    // A native fault in onnxruntime ends its process the way a SIGKILL does.
    process.kill(first, 'SIGKILL');
    await expect(running).rejects.toThrow(/inference process stopped unexpectedly \(signal SIGKILL\)/);
    expect(await host.time('resnet@1', async () => model, manifest, 1, true)).toHaveLength(1);
    expect(host.pid).not.toBe(first);
  });

  it('says so when the inference process cannot start at all', async () => {
    const broken = new OrtHost(() => forkOrtHost({ file: path.join(os.tmpdir(), 'tandem-no-such-ort-host.cjs'), execArgv: [] }));
    try {
      await expect(broken.time('resnet@1', async () => model, manifest, 1, true)).rejects.toThrow(/could not start .*reinstall Tandem, or choose WASM/);
    } finally {
      await broken.dispose();
    }
  });

  it("serves through Electron's parentPort the same way (the utility-process branch of its entry)", async () => {
    const entry = ortHostEntry();
    const shim = path.join(import.meta.dirname, 'testing', 'parent-port-shim.ts');
    const electronLike = new OrtHost(() => forkOrtHost({ file: entry.file, execArgv: ['--import', 'tsx', '--import', shim] }));
    try {
      expect(await electronLike.time('resnet@1', async () => model, manifest, 2, true)).toHaveLength(2);
    } finally {
      await electronLike.dispose();
    }
  });
});
