import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary';

/**
 * Drives the real Electron shell. No Electron binary can be installed on the CI machines, so
 * this spec skips there, saying why; wherever `npm ci` fetched the binary it runs.
 */
const binary = findElectronBinary();
if (!binary) console.log('[e2e] Electron spec skipped: no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD).');

test.describe('Electron shell', () => {
  test.skip(!binary, 'No Electron binary is installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); run where one is.');

  test('opens a sandboxed, context-isolated window that reaches the services through the preload', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [path.resolve(import.meta.dirname, '..', '..')] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Tandem' })).toBeVisible();
      const info = await window.evaluate(() => ({
        hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
        hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
        bridgeKeys: Object.keys((globalThis as unknown as { tandemBridge: object }).tandemBridge),
        isolated: globalThis.crossOriginIsolated,
      }));
      expect(info).toEqual({ hasRequire: false, hasProcess: false, bridgeKeys: ['invoke', 'on'], isolated: true });
      await expect(window.getByTestId('worklist-empty')).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('runs native inference in a utility process, not in the main process', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [path.resolve(import.meta.dirname, '..', '..')] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Tandem' })).toBeVisible();
      const envelope = await window.evaluate(() =>
        (globalThis as unknown as { tandemBridge: { invoke: Record<string, (...a: unknown[]) => Promise<unknown>> } }).tandemBridge.invoke['inference.calibrateNode']!('tandem-calcification-clusters'),
      );
      expect(envelope).toMatchObject({ ok: true, value: { packId: 'tandem-calcification-clusters' } });
      const utilities = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Utility').map((m) => m.serviceName ?? m.name ?? ''));
      expect(utilities).toContain('Tandem inference');
    } finally {
      await app.close();
    }
  });
});
