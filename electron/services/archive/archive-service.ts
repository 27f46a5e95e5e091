import type { ServiceImpl } from '../../../shared/ipc/api';
import type { LocalArchive } from './local-archive';

/** The archive as the settings panel sees it: usage against the budget, last integrity repairs. */
export class ArchiveService implements ServiceImpl<'archive'> {
  constructor(private readonly archive: LocalArchive) {}

  async getStatus() {
    return this.archive.status();
  }
}
