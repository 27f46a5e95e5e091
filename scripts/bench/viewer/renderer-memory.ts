import { readFile } from 'node:fs/promises';

/** Memory of a set of processes, summed, in bytes (from /proc/<pid>/smaps_rollup). */
export interface MemorySample {
  /** Proportional set size: shared pages split between the processes that map them. */
  pss: number;
  /** Pages only these processes use (Private_Clean + Private_Dirty). */
  private: number;
  rss: number;
  processes: number;
}

/** Chromium's process kinds this bench watches. */
export type ChromiumProcessType = 'renderer' | 'gpu-process';

async function children(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.split(/\s+/).filter(Boolean).map(Number);
}

/** Every descendant of `root` (the browser process playwright launched). */
async function descendants(root: number): Promise<number[]> {
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const kids = await children(queue.shift()!);
    out.push(...kids);
    queue.push(...kids);
  }
  return out;
}

async function processType(pid: number): Promise<string | undefined> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return /--type=([\w-]+)/.exec(cmdline)?.[1];
}

/** The browser's descendants of one `--type=`; extension renderers are left out. */
export async function chromiumProcesses(browserPid: number, type: ChromiumProcessType): Promise<number[]> {
  const out: number[] = [];
  for (const pid of await descendants(browserPid)) {
    if ((await processType(pid)) !== type) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.includes('--extension-process')) out.push(pid);
  }
  return out;
}

const kib = (text: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;

/** Sums smaps_rollup of the given processes; a process that exited in between counts as 0. */
export async function sampleMemory(pids: readonly number[]): Promise<MemorySample> {
  const sample: MemorySample = { pss: 0, private: 0, rss: 0, processes: 0 };
  for (const pid of pids) {
    const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    if (!text) continue;
    sample.processes++;
    sample.pss += kib(text, 'Pss');
    sample.private += kib(text, 'Private_Clean') + kib(text, 'Private_Dirty');
    sample.rss += kib(text, 'Rss');
  }
  return sample;
}

/** Peak memory per process kind while a sampler ran. */
export interface MemoryPeaks {
  renderer: MemorySample;
  gpu: MemorySample;
  samples: number;
}

const zero = (): MemorySample => ({ pss: 0, private: 0, rss: 0, processes: 0 });
const maxOf = (a: MemorySample, b: MemorySample): MemorySample => ({
  pss: Math.max(a.pss, b.pss),
  private: Math.max(a.private, b.private),
  rss: Math.max(a.rss, b.rss),
  processes: Math.max(a.processes, b.processes),
});

/**
 * Samples the renderer and GPU processes of one Chromium every `intervalMs` until stopped and
 * keeps the peaks. The process list is refreshed every few samples, as renderers come and go
 * with browser contexts.
 */
export function startMemorySampler(browserPid: number, intervalMs = 50): { stop(): Promise<MemoryPeaks> } {
  const peaks: MemoryPeaks = { renderer: zero(), gpu: zero(), samples: 0 };
  let pids: { renderer: number[]; gpu: number[] } = { renderer: [], gpu: [] };
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const started = Date.now();
      if (i % 10 === 0) {
        pids = { renderer: await chromiumProcesses(browserPid, 'renderer'), gpu: await chromiumProcesses(browserPid, 'gpu-process') };
      }
      peaks.renderer = maxOf(peaks.renderer, await sampleMemory(pids.renderer));
      peaks.gpu = maxOf(peaks.gpu, await sampleMemory(pids.gpu));
      peaks.samples++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - started))));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peaks;
    },
  };
}
