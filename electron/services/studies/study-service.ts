import type { DicomJsonDataset } from '../../../shared/dicom/dicom-json';
import { LOCAL_SOURCE_ID, type InstanceRef, type LocalStudy } from '../../../shared/domain/study';
import type { ServiceImpl } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import type { LocalArchive } from '../archive/local-archive';
import type { RetrievalQueue } from './retrieval-queue';
import { inflateIfDeflated } from '../../../shared/dicom/deflated-part10';

/**
 * Brings studies into the local archive and serves their bytes to the viewer, which reads only
 * from the archive: a study already fetched never waits on the network.
 */
export class StudyService implements ServiceImpl<'studies'> {
  /** The background chain of "make available offline" requests, one study at a time. */
  private offline: Promise<void> = Promise.resolve();

  constructor(
    private readonly archive: LocalArchive,
    private readonly retrieval: RetrievalQueue,
  ) {}

  async retrieveStudy(sourceId: string, studyInstanceUID: string): Promise<LocalStudy> {
    if (sourceId !== LOCAL_SOURCE_ID) await this.retrieval.retrieve(sourceId, studyInstanceUID);
    const study = await this.archive.getStudy(studyInstanceUID);
    if (!study) throw new ServiceError('NOT_FOUND', 'That study is not in the local archive. Choose its PACS as the source and open it again.');
    return study;
  }

  async cancelRetrieve(sourceId: string, studyInstanceUID: string): Promise<void> {
    this.retrieval.cancel(sourceId, studyInstanceUID);
  }

  /**
   * Queues studies for the background, one study at a time so a long list does not flood the
   * PACS. Stops queueing once the archive reaches 90 % of its disk budget, so making today's list
   * available offline never evicts the studies it has just fetched.
   */
  async makeAvailableOffline(sourceId: string, studyInstanceUIDs: string[]): Promise<{ queued: number; alreadyCached: number }> {
    if (sourceId === LOCAL_SOURCE_ID) return { queued: 0, alreadyCached: studyInstanceUIDs.length };
    const pending: string[] = [];
    let alreadyCached = 0;
    for (const uid of studyInstanceUIDs) {
      if (await this.archive.isComplete(uid)) alreadyCached += 1;
      else pending.push(uid);
    }
    this.offline = this.offline.then(() => this.fetchWithinBudget(sourceId, pending));
    return { queued: pending.length, alreadyCached };
  }

  private async fetchWithinBudget(sourceId: string, uids: string[]): Promise<void> {
    for (const uid of uids) {
      const { usedBytes, budgetBytes } = await this.archive.status();
      if (budgetBytes !== undefined && usedBytes >= budgetBytes * 0.9) return;
      // A study that fails stays "not fetched" in the worklist; the next one is still tried.
      await this.retrieval.retrieve(sourceId, uid).catch(() => undefined);
    }
  }

  async readInstanceHeaders(studyInstanceUID: string): Promise<DicomJsonDataset[]> {
    return this.archive.readHeaders(studyInstanceUID);
  }

  async readInstance(ref: InstanceRef): Promise<Uint8Array> {
    // Deflated files are handed out inflated: no reader in the window inflates them.
    return inflateIfDeflated(await this.archive.readInstance(ref));
  }
}
