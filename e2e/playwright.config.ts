import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './support/chromium';

/**
 * End-to-end tests: Debian's Chromium drives the built renderer in the loopback mode, against the
 * real services and a real Orthanc started by the global set-up. Screenshots cropped to the
 * viewports are written to artifacts/screenshots/.
 */
export default defineConfig({
  testDir: path.join(import.meta.dirname, 'specs'),
  outputDir: path.join(import.meta.dirname, '..', 'test-results'),
  globalSetup: path.join(import.meta.dirname, 'global-setup.ts'),
  globalTeardown: path.join(import.meta.dirname, 'global-teardown.ts'),
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
});
