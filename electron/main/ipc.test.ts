import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/ipc/channels';
import { EventHub } from '../services/event-hub';

/** The main-process handlers, against a recording stand-in for ipcMain (no Electron binary here). */
type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn), removeHandler: (c: string) => handlers.delete(c) },
  BrowserWindow: { getAllWindows: () => [] },
  protocol: {},
}));

describe('registerIpc', () => {
  it('registers one handler per contract channel and passes trusted calls to the dispatcher', async () => {
    const { registerIpc } = await import('./ipc');
    const calls: unknown[] = [];
    const dispose = registerIpc(async (channel, args) => (calls.push([channel, args]), { ok: true, value: 'done' }), new EventHub());
    expect([...handlers.keys()].sort()).toEqual([...channels.keys()].sort());
    const result = await handlers.get('settings.get')!({ senderFrame: { url: 'app://tandem/index.html', parent: null } });
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(calls).toEqual([['settings.get', []]]);
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('refuses calls from other origins and from sub-frames before the dispatcher sees them', async () => {
    const { registerIpc } = await import('./ipc');
    const dispatch = vi.fn();
    registerIpc(dispatch, new EventHub());
    const refused = { ok: false, error: { code: 'UNAUTHORIZED_CALLER', message: expect.any(String) } };
    expect(await handlers.get('settings.get')!({ senderFrame: { url: 'https://evil.example/', parent: null } })).toEqual(refused);
    expect(await handlers.get('settings.get')!({ senderFrame: { url: 'app://tandem/index.html', parent: {} } })).toEqual(refused);
    expect(await handlers.get('settings.get')!({ senderFrame: null })).toEqual(refused);
    expect(dispatch).not.toHaveBeenCalled();
  });
});
