import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalArchive } from '../../electron/services/archive/local-archive';
import { createServices } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { startLoopbackServer } from '../../electron/loopback/server';
import { createDispatch } from '../../shared/ipc/dispatch';
import { tempDataDir } from '../../tests/support/pacs-fixture';
import { DEFAULT_OUT_DIR, makeFixtures } from '../fixtures/make-fixtures';
import type { BenchRow } from './archive-query.bench';

/**
 * What the loopback transport costs on top of calling the services directly, measured side by
 * side in one run: a small call (settings.get) and the largest image read the viewer makes
 * (studies.readInstance of the biggest fixture). Prints medians and their ratios.
 */
async function median(samples: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(5, samples); i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Returns one row per call: direct, through the dispatcher, and through the loopback server. */
export async function benchTransport(): Promise<BenchRow[]> {
const fixtures = await makeFixtures({ outDir: DEFAULT_OUT_DIR });
const dataDir = await tempDataDir('tandem-bench-');
const instances = fixtures.studies.flatMap((s) => s.instances);
const biggest = (await Promise.all(instances.map(async (i) => ({ i, size: (await readFile(i.path)).length })))).sort((a, b) => b.size - a.size)[0]!;
await new LocalArchive(path.join(dataDir, 'archive')).storeInstance(await readFile(biggest.i.path));

const { services, events } = createServices(nodePlatform(dataDir, 'bench'));
const dispatch = createDispatch(services);
const server = await startLoopbackServer({ dispatch, events });
const headers = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
const post = (channel: string, args: unknown[]) => fetch(`${server.origin}/ipc/${channel}`, { method: 'POST', headers, body: JSON.stringify(args) }).then((r) => r.arrayBuffer());
const ref = { studyInstanceUID: biggest.i.studyInstanceUID, seriesInstanceUID: biggest.i.seriesInstanceUID, sopInstanceUID: biggest.i.sopInstanceUID };

const rows: [string, number, number, number][] = [];
const measure = async (label: string, samples: number, direct: () => Promise<unknown>, viaDispatch: () => Promise<unknown>, viaLoopback: () => Promise<unknown>) => {
  rows.push([label, await median(samples, direct), await median(samples, viaDispatch), await median(samples, viaLoopback)]);
};
await measure('settings.get', 500, () => services.settings.get(), () => dispatch('settings.get', []), () => post('settings.get', []));
await measure(`studies.readInstance (${(biggest.size / 1e6).toFixed(1)} MB)`, 40, () => services.studies.readInstance(ref), () => dispatch('studies.readInstance', [ref]), () => post('studies.readInstance', [ref]));
await server.close();

const out: BenchRow[] = [];
for (const [label, direct, viaDispatch, viaLoopback] of rows) {
  out.push({ label: `${label}: direct service call (median)`, value: direct, unit: 'ms' });
  out.push({ label: `${label}: through the contract dispatcher`, value: viaDispatch, unit: 'ms', note: `${(viaDispatch / Math.max(direct, 0.001)).toFixed(2)}× direct` });
  out.push({ label: `${label}: through the loopback server`, value: viaLoopback, unit: 'ms', note: `${(viaLoopback / Math.max(direct, 0.001)).toFixed(2)}× direct` });
}
return out;
}
