import { readFile } from 'node:fs/promises';

const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) the given processes have used so far, in seconds, from
 * /proc/<pid>/stat. Linux reports it in clock ticks, which are 1/100 s on every common kernel.
 */
export async function cpuSeconds(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / TICKS_PER_SECOND;
}
