import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumProcesses, sampleMemory } from './renderer-memory';

const children: ChildProcess[] = [];

/** A child whose command line carries Chromium-style switches, as a renderer's does. */
function fakeChromiumChild(...switches: string[]): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)', '--', ...switches], { stdio: 'ignore' });
  children.push(child);
  return child;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe('renderer memory sampling', () => {
  it('reads PSS, private and RSS of a live process from smaps_rollup', async () => {
    const sample = await sampleMemory([process.pid]);
    expect(sample.processes).toBe(1);
    expect(sample.pss).toBeGreaterThan(1024 * 1024);
    expect(sample.rss).toBeGreaterThanOrEqual(sample.private);
  });

  it('counts a process that has exited as nothing', async () => {
    const child = fakeChromiumChild();
    const pid = child.pid!;
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await sampleMemory([pid])).toEqual({ pss: 0, private: 0, rss: 0, processes: 0 });
  });

  it('finds the browser’s descendants by --type, leaving extension renderers out', async () => {
    const renderer = fakeChromiumChild('--type=renderer');
    const extension = fakeChromiumChild('--type=renderer', '--extension-process');
    const gpu = fakeChromiumChild('--type=gpu-process');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await chromiumProcesses(process.pid, 'renderer')).toEqual([renderer.pid]);
    expect(await chromiumProcesses(process.pid, 'gpu-process')).toEqual([gpu.pid]);
    expect(extension.pid).toBeDefined();
  });
});
