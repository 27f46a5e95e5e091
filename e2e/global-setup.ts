import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startPacsWithFixtures } from '../tests/support/pacs-fixture';
import { ENVIRONMENT_FILE, type E2eEnvironment } from './support/environment';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Starts a real Orthanc holding the fixtures and the built app in loopback mode (the same
 * `dist/loopback/main.mjs` that `npm start` runs), then registers Orthanc as the active PACS
 * through the app's own API.
 */
export default async function globalSetup(): Promise<void> {
  const entry = path.join(root, 'dist', 'loopback', 'main.mjs');
  if (!existsSync(entry) || !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The app is not built. Run "npm run build" before the end-to-end tests.');
  }
  const { orthanc, fixtures } = await startPacsWithFixtures();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-e2e-data-'));
  const readyFile = path.join(dataDir, 'ready.json');
  const server = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_NO_BROWSER: '1', TANDEM_READY_FILE: readyFile },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  server.unref();
  const ready = await waitForFile(readyFile, 15_000);
  const { origin, token, appUrl } = JSON.parse(ready) as { origin: string; token: string; appUrl: string };
  const call = async (channel: string, args: unknown[]) => {
    const res = await fetch(`${origin}/ipc/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
    const envelope = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message}`);
  };
  const url = orthanc.dicomwebRoot;
  await call('pacs.saveProfile', [{ id: 'orthanc', name: 'Test Orthanc', qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 15_000 }]);
  await call('settings.update', [{ activeSourceId: 'orthanc' }]);
  const environment: E2eEnvironment = { appUrl, origin, token, serverPid: server.pid!, orthancPid: orthanc.pid, orthancDicomweb: url, dataDir, fixtures };
  writeFileSync(ENVIRONMENT_FILE, JSON.stringify(environment));
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) return readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The loopback server did not start within ${timeoutMs} ms.`);
}
