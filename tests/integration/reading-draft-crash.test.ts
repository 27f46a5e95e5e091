import { spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../electron/services/reading/audit-log';
import { SessionStore } from '../../electron/services/reading/session-store';

/**
 * SIGKILL while a report draft is being autosaved, 30 times: after every kill the saved draft
 * parses, is at least as new as the last save the app acknowledged, and the audit log reads.
 */
const KILLS = 30;
const STUDY = '1.2.826.0.1.3680043.8.498.77';
const root = path.resolve(import.meta.dirname, '..', '..');
let child: string;

beforeAll(async () => {
  child = path.join(root, '.cache', 'test-bundles', 'reading-draft-crash-child.mjs');
  await build({ entryPoints: [path.join(root, 'tests/support/reading-draft-crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', packages: 'external', absWorkingDir: root, logLevel: 'warning' });
});

function runUntilKilled(dir: string, killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir, STUDY], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Start the clock once the child is writing, so every run is killed mid-autosave.
      if (!timer && out.includes('READY')) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited on its own: ${err.slice(-500)}`));
      resolve(out.split('\n').filter((l) => l.startsWith('ACK ')).map((l) => Number(l.slice(4))));
    });
  });
}

describe('report draft under SIGKILL', () => {
  it(`keeps the last acknowledged draft across ${KILLS} kills mid-write`, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-draft-crash-'));
    let lastAcked = 0;
    let saves = 0;
    for (let run = 0; run < KILLS; run++) {
      const acked = await runUntilKilled(dir, 20 + Math.floor(Math.random() * 200));
      saves += acked.length;
      lastAcked = Math.max(lastAcked, ...acked);
      const session = await new SessionStore(path.join(dir, 'sessions')).load(STUDY);
      expect(session, 'the draft file is never torn').toBeDefined();
      expect(session!.state).toBe('first-read-draft');
      expect(session!.revision, 'nothing acknowledged is lost').toBeGreaterThanOrEqual(lastAcked);
      expect(session!.report.kind === 'mammo' && session!.report.comment.endsWith('.')).toBe(true);
      expect((await new AuditLog(path.join(dir, 'audit.log')).entries(STUDY)).map((e) => e.action).slice(0, 2)).toEqual(['open', 'save-draft']);
    }
    const leftovers = (await readdir(path.join(dir, 'sessions'))).filter((n) => n.endsWith('.tmp'));
    console.log(`[reading-crash] ${saves} drafts acknowledged over ${KILLS} kills; ${leftovers.length} temporary files left for the next start-up to remove`);
    expect(saves, 'the child got drafts saved between kills').toBeGreaterThan(KILLS);
    expect(await new SessionStore(path.join(dir, 'sessions')).all()).toHaveLength(1);
    expect((await readdir(path.join(dir, 'sessions'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});
