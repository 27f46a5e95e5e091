import { describe, expect, it } from 'vitest';
import { cpuSeconds } from './process-cpu';

describe('cpuSeconds', () => {
  it('grows by the CPU time this process burns', async () => {
    const before = await cpuSeconds([process.pid]);
    const until = Date.now() + 400;
    let spin = 0;
    while (Date.now() < until) spin++;
    const after = await cpuSeconds([process.pid]);
    expect(spin).toBeGreaterThan(0);
    // Wall time is 400 ms; on a busy machine this process gets less of it, never none.
    expect(after - before).toBeGreaterThan(0.05);
    expect(after - before).toBeLessThan(2);
  });

  it('counts a missing process as no time', async () => {
    expect(await cpuSeconds([2 ** 22 + 12345])).toBe(0);
  });
});
