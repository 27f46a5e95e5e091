import Store from 'electron-store';
import type { SettingsBackend } from '../../services/settings/settings-backend';

/** Settings persisted with electron-store in the app's userData folder. */
export class ElectronStoreBackend implements SettingsBackend {
  private readonly store = new Store<{ settings: unknown }>({ name: 'settings' });

  read(): unknown {
    return this.store.get('settings');
  }

  write(value: unknown): void {
    this.store.set('settings', value);
  }
}
