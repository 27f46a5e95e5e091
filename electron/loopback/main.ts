import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '../../shared/ipc/dispatch';
import { createServices } from '../services/compose';
import { defaultDataDirectory, nodePlatform } from '../services/node-platform';
import { startLoopbackServer } from './server';

/**
 * Entry point of the loopback mode: wires the services exactly as Electron's main process does,
 * serves them with the built renderer on 127.0.0.1, prints the address and (unless told not to)
 * opens the default browser.
 */
async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const repoRoot = path.resolve(here, '..', '..');
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const dataDirectory = defaultDataDirectory();
  // The default model packs ship in the repository's models/packs, beside dist/.
  const { services, events, reachability, dispose } = createServices({
    ...nodePlatform(dataDirectory, pkg.version),
    builtInPacksDirectory: path.join(repoRoot, 'models', 'packs'),
  });
  reachability.start();
  const dispatch = createDispatch(services, (channel, err) => console.error(`[tandem] ${channel} failed:`, err instanceof Error ? err.stack : err));
  const server = await startLoopbackServer({
    dispatch,
    events,
    staticDir: process.env.TANDEM_RENDERER_DIR ?? path.join(repoRoot, 'dist', 'renderer'),
    port: process.env.TANDEM_PORT ? Number(process.env.TANDEM_PORT) : 0,
  });
  console.log(`Tandem (loopback mode) is serving ${server.origin}`);
  console.log(`Data folder: ${dataDirectory}`);
  console.log(`Open: ${server.appUrl}`);
  if (process.env.TANDEM_READY_FILE) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.TANDEM_READY_FILE, JSON.stringify({ origin: server.origin, token: server.token, appUrl: server.appUrl }));
  }
  if (process.env.TANDEM_NO_BROWSER !== '1') openBrowser(server.appUrl);
  const stop = () => void Promise.allSettled([server.close(), dispose()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Could not open a browser here; open the address above yourself.'));
  child.unref();
}

void main().catch((err: unknown) => {
  console.error('Tandem could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
