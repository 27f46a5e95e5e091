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

console.log('\nTransport overhead (median ms; ratios against the direct service call, same run)');
console.log('call'.padEnd(36), 'direct'.padStart(9), 'dispatch'.padStart(9), 'loopback'.padStart(9), 'dispatch×'.padStart(10), 'loopback×'.padStart(10));
for (const [label, direct, viaDispatch, viaLoopback] of rows) {
  console.log(label.padEnd(36), direct.toFixed(3).padStart(9), viaDispatch.toFixed(3).padStart(9), viaLoopback.toFixed(3).padStart(9), (viaDispatch / direct).toFixed(2).padStart(10), (viaLoopback / direct).toFixed(2).padStart(10));
}
