import { describe, expect, it } from 'vitest';
import { probeWebGpu } from './webgpuAdapter';

const withAdapter = (adapter: unknown) => ({ navigator: { gpu: { requestAdapter: async () => adapter } } });

describe('probeWebGpu', () => {
  it('says why when the browser has no WebGPU at all', async () => {
    expect(await probeWebGpu({ navigator: {} })).toEqual({ available: false, reason: expect.stringContaining('navigator.gpu') });
  });

  it('says why when there is no adapter', async () => {
    expect(await probeWebGpu(withAdapter(null))).toEqual({ available: false, reason: expect.stringContaining('no WebGPU adapter') });
  });

  it('does not count a fallback adapter, whichever field says so', async () => {
    expect((await probeWebGpu(withAdapter({ info: { vendor: 'google', isFallbackAdapter: true } }))).available).toBe(false);
    expect((await probeWebGpu(withAdapter({ info: { vendor: 'google' }, isFallbackAdapter: true }))).available).toBe(false);
  });

  it('does not count a CPU implementation that does not call itself a fallback', async () => {
    const probe = await probeWebGpu(withAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } }));
    expect(probe).toEqual({ available: false, reason: 'only a software adapter (google swiftshader)' });
    expect((await probeWebGpu(withAdapter({ info: { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' } }))).available).toBe(false);
  });

  it('accepts a real GPU and names it', async () => {
    expect(await probeWebGpu(withAdapter({ info: { vendor: 'nvidia', architecture: 'hopper', isFallbackAdapter: false } }))).toEqual({ available: true, adapter: 'nvidia hopper' });
  });

  it('turns a failing requestAdapter into a reason', async () => {
    const probe = await probeWebGpu({ navigator: { gpu: { requestAdapter: async () => Promise.reject(new Error('GPU process crashed')) } } });
    expect(probe).toEqual({ available: false, reason: 'requestAdapter failed: GPU process crashed' });
  });
});
