import { describe, expect, it } from 'vitest';
import { WorkQueue } from './work-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('WorkQueue', () => {
  it('drains items pushed while it runs, never more than the limit at once', async () => {
    const queue = new WorkQueue<number>();
    const done: number[] = [];
    let running = 0;
    let peak = 0;
    const draining = queue.drain(3, async (n) => {
      peak = Math.max(peak, ++running);
      await tick();
      done.push(n);
      running -= 1;
    }, () => false);
    for (let i = 0; i < 10; i++) {
      queue.push(i);
      if (i % 3 === 0) await tick();
    }
    queue.close();
    await draining;
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it('stops starting items once told to stop, and rethrows the first failure after the rest settle', async () => {
    const queue = new WorkQueue<number>();
    for (let i = 0; i < 10; i++) queue.push(i);
    queue.close();
    const started: number[] = [];
    await queue.drain(1, async (n) => void started.push(n), () => started.length >= 4);
    expect(started).toEqual([0, 1, 2, 3]);

    const failing = new WorkQueue<number>();
    for (let i = 0; i < 10; i++) failing.push(i);
    failing.close();
    const settled: number[] = [];
    const boom = new Error('disk full');
    await expect(failing.drain(2, async (n) => {
      if (n === 1) throw boom;
      await tick();
      settled.push(n);
    }, () => false)).rejects.toBe(boom);
    expect(settled).toEqual([0]);
  });
});
