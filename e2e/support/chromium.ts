import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, launched so it never reaches beyond this machine: no background services,
 * and every host name except 127.0.0.1 fails to resolve. WebGL2 comes from SwiftShader.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function chromiumExecutable(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(`Chromium not found at ${candidate}. Install it with "apt-get install chromium" or set CHROMIUM_PATH.`);
  }
  return candidate;
}
