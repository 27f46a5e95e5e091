import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../fixtures/make-fixtures';

/** The built app in loopback mode, started as its own process with a fresh data folder. */
export interface LoopbackApp {
  appUrl: string;
  origin: string;
  dataDir: string;
  /** Calls one contract channel over `/ipc/<channel>` with the bearer token; throws its error. */
  call<T = unknown>(channel: string, args: unknown[]): Promise<T>;
  /** Stops the server (its process group, by PID) and deletes the data folder. */
  stop(): Promise<void>;
}

const ENTRY = path.join(REPO_ROOT, 'dist', 'loopback', 'main.mjs');

async function waitForFile(file: string, timeoutMs: number, exited: () => string | undefined): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(`The loopback server exited before it was ready (${why}).`);
    if (existsSync(file)) return readFile(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The loopback server did not start within ${timeoutMs} ms.`);
}

/**
 * Starts `dist/loopback/main.mjs` (what `npm start` runs) like the e2e set-up does. With
 * `rendererDir` it serves that folder instead of the app, with the same security headers.
 */
export async function startLoopbackApp(opts: { rendererDir?: string } = {}): Promise<LoopbackApp> {
  if (!existsSync(ENTRY)) throw new Error('The app is not built. Run "npm run build" before the viewer benchmark.');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-viewer-'));
  const readyFile = path.join(dataDir, 'ready.json');
  const server = spawn(process.execPath, [ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      TANDEM_DATA_DIR: dataDir,
      TANDEM_NO_BROWSER: '1',
      TANDEM_READY_FILE: readyFile,
      ...(opts.rendererDir ? { TANDEM_RENDERER_DIR: opts.rendererDir } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exit: string | undefined;
  server.on('exit', (code, signal) => (exit = `code ${code}, signal ${signal}`));
  const stop = async () => {
    if (server.pid && exit === undefined) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const deadline = Date.now() + 5_000;
      while (exit === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      if (exit === undefined) process.kill(-server.pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const ready = JSON.parse(await waitForFile(readyFile, 20_000, () => exit)) as { origin: string; token: string; appUrl: string };
    const call = async <T>(channel: string, args: unknown[]): Promise<T> => {
      const res = await fetch(`${ready.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ready.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      const envelope = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.code} ${envelope.error?.message}`);
      return envelope.value as T;
    };
    return { appUrl: ready.appUrl, origin: ready.origin, dataDir, call, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
