import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressThrottle } from './progress-throttle';

describe('ProgressThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('emits the first change at once, holds later ones to the interval, and never drops the last', () => {
    const emitted: number[] = [];
    const throttle = new ProgressThrottle(() => emitted.push(Date.now()), 100, () => Date.now());
    const t0 = Date.now();
    throttle.schedule();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(10);
      throttle.schedule();
    }
    expect(emitted.map((t) => t - t0)).toEqual([0, 100]);
    vi.advanceTimersByTime(5);
    throttle.schedule();
    vi.advanceTimersByTime(200);
    expect(emitted.map((t) => t - t0)).toEqual([0, 100, 200]);
  });

  it('flush emits at once and cancels what was pending', () => {
    let count = 0;
    const throttle = new ProgressThrottle(() => count++, 100, () => Date.now());
    throttle.schedule();
    throttle.schedule();
    throttle.flush();
    vi.advanceTimersByTime(500);
    expect(count).toBe(2);
  });
});
