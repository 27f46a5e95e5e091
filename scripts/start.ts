import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary';

/**
 * `npm start`: builds the renderer and the Node bundles, then launches Electron when its binary
 * is installed, or else the loopback mode (the same services, served to the default browser).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const built = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const electronBinary = findElectronBinary();
if (electronBinary && process.env.TANDEM_FORCE_LOOPBACK !== '1') {
  console.log('Starting Tandem in Electron.');
  run(electronBinary, [root]);
} else {
  console.log('No Electron binary is installed here: starting the loopback mode instead.');
  run(process.execPath, [path.join(root, 'dist', 'loopback', 'main.mjs')]);
}

function run(command: string, args: string[]): void {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
