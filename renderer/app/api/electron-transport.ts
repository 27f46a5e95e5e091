import type { ClientTransport } from '../../../shared/ipc/client';
import type { Envelope } from '../../../shared/ipc/errors';

/** What electron/preload exposes on `window.tandemBridge`. */
export interface TandemBridge {
  invoke: Record<string, (...args: unknown[]) => Promise<Envelope<unknown>>>;
  on(name: string, listener: (payload: unknown) => void): () => void;
}

/** The contract over Electron IPC, through the preload's bridge. */
export function createElectronTransport(bridge: TandemBridge): ClientTransport {
  return {
    async invoke(channel, args) {
      const call = bridge.invoke[channel];
      if (!call) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Unknown call: ${channel}` } };
      return call(...args);
    },
    subscribe(event, listener) {
      return bridge.on(event, listener);
    },
  };
}
