import { LOCAL_SOURCE_ID, type StudyQuery, type StudySearchResult } from '../../../shared/domain/study';
import type { ServiceImpl } from '../../../shared/ipc/api';
import type { LocalArchive } from '../archive/local-archive';
import { DicomwebSource } from '../dicomweb/dicomweb-source';
import type { PacsProfileService } from '../pacs/pacs-profile-service';

/** Answers the worklist from the local archive or from a PACS over QIDO-RS. */
export class WorklistService implements ServiceImpl<'worklist'> {
  constructor(
    private readonly archive: LocalArchive,
    private readonly profiles: PacsProfileService,
  ) {}

  async searchForStudies(sourceId: string, query: StudyQuery): Promise<StudySearchResult> {
    if (sourceId === LOCAL_SOURCE_ID) return this.archive.searchForStudies(query);
    const source = new DicomwebSource(await this.profiles.connection(sourceId));
    return source.searchForStudies(query);
  }
}
