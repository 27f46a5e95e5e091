import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../../e2e/support/chromium';

/** One Chromium for the benchmark, with the PID of its browser process (for memory sampling). */
export interface ChromiumSession {
  browser: Browser;
  browserPid: number;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium headless with the e2e flags (SwiftShader WebGL, no network) as a
 * browser server, so its process is known, and connects to it. `close` always ends that process.
 */
export async function launchChromium(): Promise<ChromiumSession> {
  const server = await chromium.launchServer({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true });
  const browserPid = server.process().pid;
  if (browserPid === undefined) {
    await server.kill();
    throw new Error('Chromium started without a process id.');
  }
  const kill = () => {
    if (server.process().exitCode !== null || server.process().signalCode !== null) return;
    try {
      process.kill(browserPid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let browser: Browser;
  try {
    browser = await chromium.connect(server.wsEndpoint());
  } catch (err) {
    kill();
    throw err;
  }
  return {
    browser,
    browserPid,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      kill();
    },
  };
}
