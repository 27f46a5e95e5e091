import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostChannel } from './host-channel';
import type { OrtHostReply } from './ort-host-protocol';

/**
 * Where the inference process's program is: `ort-host.cjs` beside the bundle that runs the
 * services (dist/loopback, dist/electron), or, run from the sources (tests, tsx scripts), the
 * TypeScript entry beside this file, loaded through tsx.
 */
export function ortHostEntry(): { file: string; execArgv: string[] } {
  // The Electron bundle is CommonJS, where esbuild leaves import.meta empty.
  const here = path.dirname(typeof import.meta.url === 'string' ? fileURLToPath(import.meta.url) : __filename);
  const built = path.join(here, 'ort-host.cjs');
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: path.join(here, 'ort-host-entry.ts'), execArgv: ['--import', 'tsx'] };
}

/**
 * The inference process as a forked Node child (the loopback server and tests): the same program
 * and messages as Electron's utility process, so everything but the `utilityProcess.fork` call is
 * exercised without Electron. Messages are structured clones (advanced serialization).
 */
export function forkOrtHost(entry = ortHostEntry()): HostChannel {
  const child = fork(entry.file, [], { execArgv: entry.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let exited = false;
  const exitListeners: Array<(how: string) => void> = [];
  const ended = (how: string) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(how);
  };
  child.on('exit', (code, signal) => ended(signal ? `signal ${signal}` : `code ${code}`));
  // 'exit' follows any death; 'error' alone ends it only when the process never started (a send
  // racing a death also raises 'error', and the 'exit' after it says how the process ended).
  child.on('error', (error) => {
    if (child.pid === undefined) ended(error.message);
  });
  const setBusy = (busy: boolean) => {
    if (busy) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  };
  setBusy(false);
  return {
    pid: child.pid,
    send: (request) => {
      if (child.connected) child.send(request, () => undefined);
    },
    onMessage: (listener) => child.on('message', (reply) => listener(reply as OrtHostReply)),
    onExit: (listener) => exitListeners.push(listener),
    setBusy,
    kill: () => {
      child.kill();
    },
  };
}
