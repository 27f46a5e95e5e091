import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  const policy = DEFAULT_RETRY_POLICY;

  it('doubles from the base delay, with the jitter between half and all of the ceiling', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0.999999))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([2_500, 5_000, 10_000, 20_000]);
  });

  it('never waits longer than ten minutes, however long the PACS is down', () => {
    for (const failures of [8, 9, 50, 1_000, Number.MAX_SAFE_INTEGER]) {
      const delay = retryDelayMs(failures, policy, () => 0.999999);
      expect(delay).toBeLessThanOrEqual(10 * 60_000);
      expect(delay).toBeGreaterThan(9 * 60_000);
    }
  });

  it('spreads the retries of many workstations', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, policy)));
    expect(delays.size).toBeGreaterThan(40);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(10_000);
  });
});
