import type { TandemApi } from '../../../shared/ipc/api';
import { createApi } from '../../../shared/ipc/client';
import { createElectronTransport, type TandemBridge } from './electron-transport';
import { createLoopbackTransport, takeLoopbackToken } from './loopback-transport';

/**
 * Picks the transport: Electron's preload bridge when present, otherwise the loopback server
 * that served this page. Either way the renderer sees the same typed API.
 */
export function connectApi(): TandemApi {
  const bridge = (window as unknown as { tandemBridge?: TandemBridge }).tandemBridge;
  if (bridge) return createApi(createElectronTransport(bridge));
  const token = takeLoopbackToken(window.location, window.sessionStorage, window.history);
  if (!token) {
    throw new Error('This page was opened without its launch token. Open the address Tandem printed when it started.');
  }
  return createApi(createLoopbackTransport(window.location.origin, token));
}
