import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { OutboxService } from '../../electron/services/outbox/outbox-service';
import type { OutboxItem } from '../../shared/domain/outbox';
import { ServiceError } from '../../shared/ipc/errors';
import { crashPayload } from '../support/outbox-objects';

/**
 * SIGKILL at random points while the outbox is being written (items enqueued as fast as possible
 * while the sender rewrites records), 50 times. After every restart the records and the files
 * agree, and every item acknowledged as saved is there with its instances byte for byte.
 */
const KILLS = 50;
const root = path.resolve(import.meta.dirname, '..', '..');
let child: string;

beforeAll(async () => {
  // Bundled once, so each of the 50 starts costs a plain `node` start rather than a TypeScript loader's.
  child = path.join(root, '.cache', 'test-bundles', 'outbox-crash-child.mjs');
  await build({ entryPoints: [path.join(root, 'tests/support/outbox-crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', packages: 'external', absWorkingDir: root, logLevel: 'warning' });
});

/**
 * Runs the child and kills it `delayMs` after it reported READY (start-up recovery done), or after
 * it started when `anywhere` (then the kill may land in recovery itself). Returns [id, seed] of
 * every acknowledged item.
 */
function runUntilKilled(outboxDir: string, runTag: string, delayMs: number, anywhere: boolean): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, outboxDir, runTag], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => proc.kill('SIGKILL'), delayMs));
    if (anywhere) arm();
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('READY\n')) arm();
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`the child exited on its own: ${err.slice(-800)}`));
      const acks = out.split('\n').filter((line) => line.startsWith('ACK '));
      resolve(acks.map((line) => line.split(' ').slice(1, 3) as [string, string]));
    });
  });
}

/** Opens the outbox as the app would after the crash: recovery runs, nothing is sent. */
async function reopen(outboxDir: string): Promise<{ outbox: OutboxService; items: OutboxItem[] }> {
  const outbox = new OutboxService({
    root: outboxDir,
    profiles: { connection: async () => Promise.reject(new ServiceError('NOT_CONFIGURED', 'not used')) },
    events: { emit: () => undefined },
  });
  return { outbox, items: await outbox.list() };
}

/** Records and files agree: one record per listed item, one folder per unsent item, nothing else. */
async function expectDiskMatches(outboxDir: string, items: OutboxItem[]): Promise<void> {
  expect((await readdir(path.join(outboxDir, 'items'))).sort()).toEqual(items.map((i) => `${i.id}.json`).sort());
  const unsent = items.filter((i) => i.status !== 'sent');
  expect((await readdir(path.join(outboxDir, 'files'))).sort()).toEqual(unsent.map((i) => i.id).sort());
  for (const item of unsent) {
    expect((await readdir(path.join(outboxDir, 'files', item.id))).sort()).toEqual(item.instances.map((_, n) => `${n}.dcm`).sort());
  }
}

describe('outbox under SIGKILL', () => {
  it(`keeps every acknowledged item, byte for byte, and no debris, across ${KILLS} kills`, async () => {
    const outboxDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-crash-outbox-'));
    const acknowledged = new Map<string, Buffer[]>();
    let killsAfterAnAck = 0;
    for (let run = 0; run < KILLS; run++) {
      const anywhere = run % 5 === 4;
      const delayMs = anywhere ? Math.floor(Math.random() * 300) : 10 + Math.floor(Math.random() * 110);
      const acks = await runUntilKilled(outboxDir, `r${run}`, delayMs, anywhere);
      if (acks.length > 0) killsAfterAnAck += 1;
      for (const [id, seed] of acks) acknowledged.set(id, crashPayload(seed).instances.map((bytes) => Buffer.from(bytes)));

      const { outbox, items } = await reopen(outboxDir);
      const listed = new Set(items.map((i) => i.id));
      const lost = [...acknowledged.keys()].filter((id) => !listed.has(id));
      expect(lost, `run ${run}: acknowledged items missing after recovery`).toEqual([]);
      for (const [id, expected] of acknowledged) {
        const onDisk = await Promise.all(expected.map((_, n) => readFile(path.join(outboxDir, 'files', id, `${n}.dcm`))));
        expect(onDisk.every((bytes, n) => bytes.equals(expected[n]!)), `run ${run}: files of item ${id}`).toBe(true);
      }
      await expectDiskMatches(outboxDir, items);
      await outbox.dispose();
    }
    console.log(`[outbox-crash] ${KILLS} kills, ${killsAfterAnAck} after at least one acknowledgement, ${acknowledged.size} items acknowledged and intact`);
    expect(killsAfterAnAck).toBeGreaterThan(KILLS / 3);
    expect(acknowledged.size).toBeGreaterThan(KILLS);
  });
});
