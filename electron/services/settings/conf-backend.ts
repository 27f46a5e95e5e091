import Conf from 'conf';
import type { SettingsBackend } from './settings-backend';

/** `conf`-backed settings for plain Node (the loopback mode and tests). */
export class ConfSettingsBackend implements SettingsBackend {
  private readonly conf: Conf<{ settings: unknown }>;

  constructor(directory: string) {
    this.conf = new Conf<{ settings: unknown }>({ cwd: directory, configName: 'settings', projectName: 'tandem' });
  }

  read(): unknown {
    return this.conf.get('settings');
  }

  write(value: unknown): void {
    this.conf.set('settings', value);
  }
}
