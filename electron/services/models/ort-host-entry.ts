import { serveOrtHost } from './ort-host-program';
import type { HostPort, OrtHostReply, OrtHostRequest } from './ort-host-protocol';

/**
 * The inference process's entry (bundled as `ort-host.cjs`). Electron starts it as a utility
 * process, which talks through `process.parentPort`; plain Node (the loopback server, tests)
 * forks it as a child, which talks through `process.send`.
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: OrtHostRequest }) => void): void;
  postMessage(message: OrtHostReply): void;
}

function parentPort(): HostPort<OrtHostRequest, OrtHostReply> {
  const electronPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (electronPort) {
    return { onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)), postMessage: (m) => electronPort.postMessage(m) };
  }
  if (process.send) {
    // Without the service there is nothing to serve: end with it.
    process.on('disconnect', () => process.exit(0));
    return { onMessage: (listener) => process.on('message', (m) => listener(m as OrtHostRequest)), postMessage: (m) => process.send!(m) };
  }
  throw new Error('The inference process was started without a channel to the service.');
}

serveOrtHost(parentPort());
