import { describe, expect, it } from 'vitest';
import { median } from './forward-pass-timing';
import { timeInterleaved, type TimedConfiguration } from './interleaved-timing';

/**
 * A simulated machine: each configuration costs a fixed time per run, multiplied while a burst
 * of load from another program is under way. Time only moves when something runs.
 */
function machine(burst: { from: number; to: number; factor: number }) {
  let clock = 0;
  const config = (key: string, msPerRun: number): TimedConfiguration => ({
    key,
    time: async (runs, warmUp) => {
      const out: number[] = [];
      for (let i = 0; i < runs + (warmUp ? 1 : 0); i++) {
        const ms = msPerRun * (clock >= burst.from && clock < burst.to ? burst.factor : 1);
        clock += ms;
        if (!warmUp || i > 0) out.push(ms);
      }
      return out;
    },
  });
  return { config, now: () => clock };
}

describe('timeInterleaved', () => {
  it('keeps the faster configuration ahead when a burst of load hits one block of its runs', async () => {
    // 10 ms against 13 ms, and a burst that triples everything for 0.6 s, early on: timed in
    // blocks (all of A, then all of B), it lands on A's block and A reads as the slower.
    const burst = { from: 20, to: 600, factor: 3 };
    const blocks = machine(burst);
    const a = blocks.config('a', 10);
    const b = blocks.config('b', 13);
    const blockA = median(await a.time(25, true));
    const blockB = median(await b.time(25, true));
    expect(blockA).toBeGreaterThan(blockB);

    const interleaved = machine(burst);
    const timing = await timeInterleaved([interleaved.config('a', 10), interleaved.config('b', 13)], { now: interleaved.now });
    expect(timing.msPerView.a).toBeLessThan(timing.msPerView.b!);
    expect(timing.msPerView.a).toBe(10);
  });

  it('runs fast graphs several times a turn and slow ones once, and stops once its budget is spent', async () => {
    const m = machine({ from: 0, to: 0, factor: 1 });
    const timing = await timeInterleaved([m.config('fast', 5), m.config('slow', 900)], { now: m.now, budgetMs: 2000, turnMs: 100 });
    // Warm-up turns are thrown away; then 3 rounds (the minimum; the budget is spent by then).
    expect(timing.samples.fast).toHaveLength(3 * 10);
    expect(timing.samples.slow).toHaveLength(3);
  });

  it('throws away the warm-up runs of a fresh worker, which are slow for a while after its first pass', async () => {
    let clock = 0;
    let runs = 0;
    const coldStart: TimedConfiguration = {
      key: 'fresh',
      time: async (n, warmUp) => {
        const out: number[] = [];
        for (let i = 0; i < n + (warmUp ? 1 : 0); i++) {
          // The first 5 passes of a fresh process cost 5×.
          const ms = ++runs <= 5 ? 50 : 10;
          clock += ms;
          if (!warmUp || i > 0) out.push(ms);
        }
        return out;
      },
    };
    const timing = await timeInterleaved([coldStart], { now: () => clock, minRounds: 1, maxRounds: 1 });
    expect(timing.msPerView.fresh).toBe(10);
  });

  it('goes on without a configuration that fails, and says why it failed', async () => {
    const m = machine({ from: 0, to: 0, factor: 1 });
    const broken: TimedConfiguration = { key: 'webgpu', time: async () => Promise.reject(new Error('device lost')) };
    const timing = await timeInterleaved([broken, m.config('wasm', 8)], { now: m.now });
    expect(Object.keys(timing.msPerView)).toEqual(['wasm']);
    expect(String(timing.failed.webgpu)).toContain('device lost');
  });

  it('stops at once when cancelled', async () => {
    const m = machine({ from: 0, to: 0, factor: 1 });
    let turns = 0;
    const run = timeInterleaved([m.config('a', 1)], {
      now: m.now,
      checkpoint: () => {
        if (++turns > 2) throw new Error('cancelled');
      },
    });
    await expect(run).rejects.toThrow('cancelled');
  });
});
