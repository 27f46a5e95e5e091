import { describe, expect, it } from 'vitest';
import type { Services } from './api';
import { createDispatch } from './dispatch';
import { ServiceError } from './errors';

function servicesWith(overrides: Partial<Record<string, Record<string, unknown>>>): Services {
  return overrides as unknown as Services;
}

describe('createDispatch', () => {
  it('rejects a channel that is not in the contract', async () => {
    const dispatch = createDispatch(servicesWith({}));
    expect(await dispatch('fs.readFile', ['/etc/passwd'])).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Unknown call: fs.readFile' } });
  });

  it('refuses arguments that do not match the schema before the service sees them', async () => {
    let called = false;
    const dispatch = createDispatch(servicesWith({ worklist: { searchForStudies: async () => ((called = true), { studies: [], hasMore: false }) } }));
    const result = await dispatch('worklist.searchForStudies', ['local', { limit: 5000 }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INVALID_ARGUMENT');
    expect(!result.ok && result.error.message).toMatch(/limit/);
    expect(called).toBe(false);
  });

  it('applies schema defaults, so services receive complete arguments', async () => {
    let received: unknown;
    const dispatch = createDispatch(servicesWith({ worklist: { searchForStudies: async (_s: string, q: unknown) => ((received = q), { studies: [], hasMore: false }) } }));
    await dispatch('worklist.searchForStudies', ['local', {}]);
    expect(received).toEqual({ limit: 100, offset: 0 });
  });

  it('passes an expected failure through as { code, message }', async () => {
    const dispatch = createDispatch(servicesWith({ pacs: { testConnection: async () => { throw new ServiceError('PACS_AUTH_REQUIRED', 'Check the password.'); } } }));
    expect(await dispatch('pacs.testConnection', ['clinic'])).toEqual({ ok: false, error: { code: 'PACS_AUTH_REQUIRED', message: 'Check the password.' } });
  });

  it('hides the details of a bug from the renderer but reports it to the log hook', async () => {
    const logged: string[] = [];
    const dispatch = createDispatch(
      servicesWith({ system: { getInfo: async () => { throw new TypeError('secret internals'); } } }),
      (channel) => logged.push(channel),
    );
    const result = await dispatch('system.getInfo', []);
    expect(!result.ok && result.error.code).toBe('INTERNAL');
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(logged).toEqual(['system.getInfo']);
  });

  it('refuses a result that breaks the contract instead of passing it on', async () => {
    const dispatch = createDispatch(servicesWith({ settings: { get: async () => ({ language: 'klingon' }) } }));
    const result = await dispatch('settings.get', []);
    expect(result.ok).toBe(false);
  });
});
