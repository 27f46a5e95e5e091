import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { channels, eventChannel } from '../../shared/ipc/channels';
import type { Dispatch } from '../../shared/ipc/dispatch';
import type { EventHub } from '../services/event-hub';
import { isAppUrl } from './protocol';

/**
 * Registers one `ipcMain.handle` per contract channel. Each handler checks that the call comes
 * from Tandem's own top-level page, then hands the raw arguments to the dispatcher, which checks
 * them against the contract. Events from the services go to every window.
 */
export function registerIpc(dispatch: Dispatch, events: EventHub): () => void {
  for (const channel of channels.keys()) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: { code: 'UNAUTHORIZED_CALLER', message: 'Calls are accepted only from Tandem’s own window.' } };
      }
      return dispatch(channel, args);
    });
  }
  const detach = events.onDidEmit((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel(name), payload);
  });
  return () => {
    detach();
    for (const channel of channels.keys()) ipcMain.removeHandler(channel);
  };
}

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}
