import { contextBridge, ipcRenderer } from 'electron';
import { channels, eventChannel, isEventName } from '../../shared/ipc/channels';

/**
 * Exposes exactly the contract: one function per channel, and subscriptions to the contract's
 * events. Nothing else from Electron or Node reaches the page.
 */
const invoke: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
for (const channel of channels.keys()) {
  invoke[channel] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
}

contextBridge.exposeInMainWorld('tandemBridge', {
  invoke,
  on(name: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name)) throw new Error(`Unknown event: ${name}`);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(name), wrapped);
    return () => ipcRenderer.removeListener(eventChannel(name), wrapped);
  },
});
