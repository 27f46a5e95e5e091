import XHR2 from 'xhr2';

/**
 * dicomweb-client speaks XMLHttpRequest. Node and Electron's main process have none, so the xhr2
 * implementation stands in. Installed once, before any client is created.
 */
export function installXhrPolyfill(): void {
  const g = globalThis as { XMLHttpRequest?: unknown };
  g.XMLHttpRequest ??= XHR2;
}
