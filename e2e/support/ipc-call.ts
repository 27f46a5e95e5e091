import type { E2eEnvironment } from './environment';

/**
 * Calls the app's own API over the loopback transport, as the renderer does: for set-up a user
 * would do through Settings (choosing a backend, importing a pack), not to check results.
 */
export async function callApi<T = unknown>(env: E2eEnvironment, channel: string, args: unknown[]): Promise<T> {
  const res = await fetch(`${env.origin}/ipc/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const envelope = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.code} ${envelope.error?.message}`);
  return envelope.value as T;
}
