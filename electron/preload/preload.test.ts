import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/ipc/channels';

/**
 * No Electron binary runs here, so the preload is loaded against a recording stand-in for the two
 * Electron objects it touches. What it exposes to the page is the point of the test.
 */
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

interface Bridge {
  invoke: Record<string, (...args: unknown[]) => Promise<unknown>>;
  on(name: string, listener: (payload: unknown) => void): () => void;
}

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes one bridge object, and nothing else, to the page', () => {
    expect(Object.keys(exposed)).toEqual(['tandemBridge']);
    expect(Object.keys(exposed.tandemBridge as object).sort()).toEqual(['invoke', 'on']);
  });

  it('exposes exactly the contract’s channels', () => {
    const bridge = exposed.tandemBridge as Bridge;
    expect(Object.keys(bridge.invoke).sort()).toEqual([...channels.keys()].sort());
  });

  it('forwards a call on its own channel only', async () => {
    const bridge = exposed.tandemBridge as Bridge;
    await bridge.invoke['worklist.searchForStudies']!('local', {});
    expect(invoked.at(-1)).toEqual(['worklist.searchForStudies', 'local', {}]);
  });

  it('refuses to subscribe to an event the contract does not declare', () => {
    const bridge = exposed.tandemBridge as Bridge;
    expect(() => bridge.on('ipc-internal', () => undefined)).toThrow(/Unknown event/);
    expect(typeof bridge.on('retrieveProgress', () => undefined)).toBe('function');
  });
});
