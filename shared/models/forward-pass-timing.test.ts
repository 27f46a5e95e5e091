import { describe, expect, it } from 'vitest';
import { median, timeForwardPasses } from './forward-pass-timing';
import type { PackManifest } from './manifest';
import { syntheticInput } from './synthetic-input';
import type { ModelRunner, Tensor } from './tensor';

describe('syntheticInput', () => {
  it('has the declared shape with symbolic dimensions as 1, and varied values', () => {
    const t = syntheticInput({ name: 'x', type: 'float32', shape: ['batch', 3, 4, 5] });
    expect(t.dims).toEqual([1, 3, 4, 5]);
    expect(t.data.length).toBe(60);
    expect(new Set(t.data).size).toBeGreaterThan(50);
    expect(syntheticInput({ name: 'x', type: 'float32', shape: [1, 8] }).data).toEqual(syntheticInput({ name: 'x', type: 'float32', shape: [1, 8] }).data);
  });
});

describe('timeForwardPasses', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  const manifest = (mode: 'per-view' | 'study-views') =>
    ({
      input: { mode, viewOrder: mode === 'study-views' ? [{ view: 'CC' }, { view: 'CC' }, { view: 'MLO' }, { view: 'MLO' }] : undefined, tensor: { name: 'in', type: 'float32', shape: ['n', 4] } },
      output: { tensor: { name: 'scores', type: 'float32', shape: ['n', 2] } },
      heatmap: { source: 'output', tensor: { name: 'map', type: 'float32', shape: ['n', 1, 2, 2] }, channel: 0 },
    }) as unknown as PackManifest;

  it('warms up once, then runs the graph with the scores and heatmap outputs', async () => {
    const calls: string[][] = [];
    const runner: ModelRunner = {
      backend: 'wasm',
      run: async (feeds: Record<string, Tensor>, outputs: readonly string[]) => {
        expect(Object.keys(feeds)).toEqual(['in']);
        calls.push([...outputs]);
        return {};
      },
    };
    const { samples } = await timeForwardPasses(runner, manifest('per-view'), 3);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toEqual(['scores', 'map']);
    expect(samples).toHaveLength(3);
  });

  it('skips the warm-up when asked (a session already warm)', async () => {
    let calls = 0;
    const runner: ModelRunner = { backend: 'node-cpu', run: async () => (calls++, {}) };
    await timeForwardPasses(runner, manifest('per-view'), 2, false);
    expect(calls).toBe(2);
  });

  it('shares a study-views run among its views', async () => {
    const slow: ModelRunner = { backend: 'wasm', run: () => new Promise((resolve) => setTimeout(() => resolve({}), 40)) };
    const [perView] = (await timeForwardPasses(slow, manifest('study-views'), 1)).samples;
    expect(perView).toBeGreaterThan(5);
    expect(perView).toBeLessThan(30);
  });
});
