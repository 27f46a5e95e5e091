/** How long to wait before retrying after transient failures (PACS down, timeout, 5xx). */
export interface RetryPolicy {
  /** Delay after the first failure, before jitter. */
  baseDelayMs: number;
  /** No wait is longer than this, so an item is retried within this time of the PACS coming back. */
  maxDelayMs: number;
}

/** 5 s after the first failure, doubling to at most 10 min. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 };

/**
 * Exponential backoff with "equal jitter": after the n-th failure in a row the ceiling is
 * base × 2^(n−1), capped at max, and the delay is drawn from [ceiling/2, ceiling]. The jitter
 * spreads the retries of many workstations that lost the same PACS at the same moment.
 * `random` returns a number in [0, 1).
 */
export function retryDelayMs(failuresInARow: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, failuresInARow - 1);
  // 2^exponent overflows to Infinity long before it matters; Math.min keeps the cap either way.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 60));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
