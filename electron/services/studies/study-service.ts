import { LOCAL_SOURCE_ID, type InstanceRef, type LocalStudy } from '../../../shared/domain/study';
import type { ServiceImpl } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import type { LocalArchive } from '../archive/local-archive';
import type { RetrievalQueue } from './retrieval-queue';

/**
 * Brings studies into the local archive and serves their bytes to the viewer, which reads only
 * from the archive: a study already fetched never waits on the network.
 */
export class StudyService implements ServiceImpl<'studies'> {
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

  async makeAvailableOffline(sourceId: string, studyInstanceUIDs: string[]): Promise<{ queued: number; alreadyCached: number }> {
    if (sourceId === LOCAL_SOURCE_ID) return { queued: 0, alreadyCached: studyInstanceUIDs.length };
    let queued = 0;
    let alreadyCached = 0;
    for (const uid of studyInstanceUIDs) {
      if (await this.archive.isComplete(uid)) {
        alreadyCached += 1;
        continue;
      }
      queued += 1;
      // Background work: failures show up as the study staying "not fetched" in the worklist.
      this.retrieval.retrieve(sourceId, uid).catch(() => undefined);
    }
    return { queued, alreadyCached };
  }

  async readInstance(ref: InstanceRef): Promise<Uint8Array> {
    return this.archive.readInstance(ref);
  }
}
