import { utilityProcess } from 'electron';
import type { HostChannel } from '../../services/models/host-channel';
import type { OrtHostReply } from '../../services/models/ort-host-protocol';

/**
 * The native inference process as an Electron utility process running `ort-host.cjs`: a
 * crash in onnxruntime-node ends it, not the main process. The program and its messages are the
 * ones the plain-Node fork runs (electron/services/models/fork-ort-host.ts), which the tests cover.
 */
export function utilityProcessHost(entry: string): HostChannel {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Tandem inference', stdio: 'inherit' });
  let exited = false;
  const exitListeners: Array<(how: string) => void> = [];
  child.on('exit', (code) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(`code ${code}`);
  });
  return {
    get pid() {
      return child.pid;
    },
    // Messages are structured clones; typed arrays arrive as typed arrays.
    send: (request) => child.postMessage(request),
    onMessage: (listener) => child.on('message', (reply: OrtHostReply) => listener(reply)),
    onExit: (listener) => exitListeners.push(listener),
    // The main process lives as long as the app; a utility process never holds it open.
    setBusy: () => undefined,
    kill: () => {
      child.kill();
    },
  };
}
