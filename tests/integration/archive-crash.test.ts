import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalArchive } from '../../electron/services/archive/local-archive';
import { DEFAULT_OUT_DIR, makeFixtures } from '../../scripts/fixtures/make-fixtures';

/**
 * SIGKILL at random points while the archive is being written, 50 times. After every restart the
 * index and the files agree, and every instance acknowledged as saved is there, byte for byte.
 */
const KILLS = 50;
let child: string;
let template: { path: string; sop: string };
const root = path.resolve(import.meta.dirname, '..', '..');

beforeAll(async () => {
  // Inside the repo, so the bundle's external packages resolve from node_modules.
  child = path.join(root, '.cache', 'test-bundles', 'archive-writer-child.mjs');
  await build({ entryPoints: [path.join(root, 'tests/support/archive-writer-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', packages: 'external', absWorkingDir: root, logLevel: 'warning' });
  const fixtures = await makeFixtures({ outDir: process.env.TANDEM_FIXTURES_DIR ?? DEFAULT_OUT_DIR });
  const smallest = fixtures.studies.flatMap((s) => s.instances).filter((i) => i.sopInstanceUID.length >= 30);
  const chosen = (await Promise.all(smallest.map(async (i) => ({ i, size: (await readFile(i.path)).length })))).sort((a, b) => a.size - b.size)[0]!;
  template = { path: chosen.i.path, sop: chosen.i.sopInstanceUID };
});

function runUntilKilled(archiveDir: string, runTag: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, archiveDir, template.path, template.sop, runTag], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited on its own: ${err.slice(-500)}`));
      resolve(out.split('\n').filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4)));
    });
  });
}

async function filesOnDisk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.dcm')).map((e) => e.name.slice(0, -4));
}

describe('archive under SIGKILL', () => {
  it(`keeps every acknowledged instance and a consistent index across ${KILLS} kills`, async () => {
    const archiveDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-crash-archive-'));
    const acknowledged = new Set<string>();
    const repairs = { recovered: 0, removed: 0, dropped: 0 };
    const original = await readFile(template.path);
    for (let run = 0; run < KILLS; run++) {
      const tag = String(run).padStart(2, '0');
      for (const uid of await runUntilKilled(archiveDir, tag, 150 + Math.floor(Math.random() * 350))) acknowledged.add(uid);

      const archive = new LocalArchive(archiveDir);
      const status = await archive.status();
      repairs.recovered += status.integrity.recovered;
      repairs.removed += status.integrity.removed;
      repairs.dropped += status.integrity.dropped;
      const study = (await archive.searchForStudies({ limit: 10, offset: 0 })).studies[0];
      const files = await filesOnDisk(archiveDir);
      expect(files.length, 'every file on disk is indexed and every index entry has its file').toBe(status.instanceCount);
      if (!study) continue;
      const local = await archive.getStudy(study.studyInstanceUID);
      const indexed = new Set(local!.series.flatMap((s) => s.instances.map((i) => i.sopInstanceUID)));
      expect(new Set(files)).toEqual(indexed);
      for (const uid of acknowledged) expect(indexed.has(uid), `acknowledged ${uid} survives`).toBe(true);
      const sample = [...acknowledged].at(-1);
      if (sample) {
        const series = local!.series.find((s) => s.instances.some((i) => i.sopInstanceUID === sample))!;
        const bytes = await archive.readInstance({ studyInstanceUID: study.studyInstanceUID, seriesInstanceUID: series.seriesInstanceUID, sopInstanceUID: sample });
        expect(bytes.length).toBe(original.length);
      }
    }
    expect(acknowledged.size, 'the child got some work done between kills').toBeGreaterThan(KILLS);
    expect(repairs.dropped, 'an index never lists a file that is not there').toBe(0);
    console.log(`[archive-crash] ${acknowledged.size} acknowledged; repairs on reopen: ${repairs.recovered} unindexed files indexed, ${repairs.removed} temporary files removed`);
  }, 240_000);
});
