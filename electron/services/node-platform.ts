import os from 'node:os';
import path from 'node:path';
import type { PlatformAdapters } from './compose';
import { ConfSettingsBackend } from './settings/conf-backend';
import { KeyFileCipher } from './secrets/key-file-cipher';

/**
 * The data folder when no Electron is present: $TANDEM_DATA_DIR, else the XDG data home (or the
 * platform's equivalent) under "Tandem".
 */
export function defaultDataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TANDEM_DATA_DIR) return path.resolve(env.TANDEM_DATA_DIR);
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Tandem');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Tandem');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'tandem');
}

/** Adapters for plain Node: `conf` for settings, a 0600 key file for secrets. */
export function nodePlatform(dataDirectory: string, appVersion: string): PlatformAdapters {
  return {
    appVersion,
    transport: 'loopback',
    dataDirectory,
    settingsBackend: new ConfSettingsBackend(dataDirectory),
    secretCipher: new KeyFileCipher(path.join(dataDirectory, 'secret.key')),
  };
}
