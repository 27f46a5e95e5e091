import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron executable the `electron` package points at, if that file really exists. With
 * ELECTRON_SKIP_BINARY_DOWNLOAD the package installs but reports a path with nothing behind it.
 */
export function findElectronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}
