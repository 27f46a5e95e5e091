import type { ServiceImpl } from '../../../shared/ipc/api';
import type { InstalledPack, RefusedPack } from '../../../shared/models/installed-pack';
import type { PackStore } from './pack-store';

/** The `models` service of the contract over the pack store. */
export class ModelsService implements ServiceImpl<'models'> {
  constructor(private readonly store: PackStore) {}

  listPacks(): Promise<InstalledPack[]> {
    return this.store.list();
  }

  async listRefusedPacks(): Promise<RefusedPack[]> {
    await this.store.list();
    return [...this.store.refusedOnLoad];
  }

  importPack(location: string): Promise<InstalledPack> {
    return this.store.importPack(location);
  }

  removePack(id: string): Promise<void> {
    return this.store.remove(id);
  }

  async getPack(id: string): Promise<InstalledPack> {
    return (await this.store.get(id)).info;
  }

  readPackFile(id: string, file: string): Promise<Uint8Array> {
    return this.store.readFile(id, file);
  }
}
