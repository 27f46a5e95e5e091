import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface OwnApp {
  appUrl: string;
  origin: string;
  token: string;
  process: ChildProcess;
  call(channel: string, args: unknown[]): Promise<unknown>;
}

/**
 * A second instance of the built app (loopback mode) on its own data folder, for specs that
 * must kill the app: the shared instance of the global set-up stays untouched.
 */
export async function startOwnApp(dataDir: string, orthancDicomweb?: string): Promise<OwnApp> {
  const readyFile = path.join(dataDir, 'ready.json');
  rmSync(readyFile, { force: true });
  const child = spawn(process.execPath, [path.join(root, 'dist', 'loopback', 'main.mjs')], {
    cwd: root,
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_NO_BROWSER: '1', TANDEM_READY_FILE: readyFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 15_000;
  while (!existsSync(readyFile)) {
    if (Date.now() > deadline) throw new Error('the second app did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { origin, token, appUrl } = JSON.parse(readFileSync(readyFile, 'utf8')) as { origin: string; token: string; appUrl: string };
  const call = async (channel: string, args: unknown[]) => {
    const res = await fetch(`${origin}/ipc/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
    const envelope = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`);
    return envelope.value;
  };
  if (orthancDicomweb) {
    await call('pacs.saveProfile', [{ id: 'orthanc', name: 'Test Orthanc', qidoUrl: orthancDicomweb, wadoUrl: orthancDicomweb, stowUrl: orthancDicomweb, auth: 'none', timeoutMs: 15_000 }]);
    await call('settings.update', [{ activeSourceId: 'orthanc' }]);
  }
  return { appUrl, origin, token, process: child, call };
}
