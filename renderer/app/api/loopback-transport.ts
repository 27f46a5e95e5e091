import type { ClientTransport } from '../../../shared/ipc/client';
import type { Envelope } from '../../../shared/ipc/errors';

const TOKEN_KEY = 'tandem.loopbackToken';

/**
 * The launch token arrives in the address's fragment (never sent to a server or written to a
 * log). It is kept for this tab only and removed from the address bar.
 */
export function takeLoopbackToken(location: Location, storage: Storage, history: History): string | undefined {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return storage.getItem(TOKEN_KEY) ?? undefined;
}

/** The contract over HTTP (calls) and a WebSocket (events) to the loopback server. */
export function createLoopbackTransport(origin: string, token: string): ClientTransport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  connectEvents(origin, token, listeners);
  return {
    async invoke(channel, args, binary): Promise<Envelope<unknown>> {
      let response: Response;
      try {
        response = await fetch(`${origin}/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Lost contact with the Tandem service. Is it still running?' } };
      }
      const type = response.headers.get('Content-Type') ?? '';
      if (binary && response.ok && type.startsWith('application/octet-stream')) {
        return { ok: true, value: new Uint8Array(await response.arrayBuffer()) };
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `The Tandem service answered HTTP ${response.status} without a result.` } };
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}

function connectEvents(origin: string, token: string, listeners: Map<string, Set<(payload: unknown) => void>>, attempt = 0): void {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/events?token=${encodeURIComponent(token)}`);
  socket.onopen = () => {
    attempt = 0;
  };
  socket.onmessage = (message) => {
    const { event, payload } = JSON.parse(String(message.data)) as { event: string; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  socket.onclose = () => {
    // Reconnect with backoff: the service may be restarting.
    const delay = Math.min(10_000, 250 * 2 ** attempt);
    globalThis.setTimeout(() => connectEvents(origin, token, listeners, attempt + 1), delay);
  };
}
