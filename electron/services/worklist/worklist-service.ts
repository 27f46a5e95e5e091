import { LOCAL_SOURCE_ID, type StudyQuery, type StudySearchResult, type StudySummary } from '../../../shared/domain/study';
import type { ServiceImpl } from '../../../shared/ipc/api';
import type { LocalArchive } from '../archive/local-archive';
import { DicomwebSource } from '../dicomweb/dicomweb-source';
import type { PacsProfileService } from '../pacs/pacs-profile-service';
import type { ReachabilityMonitor } from '../pacs/reachability-monitor';
import type { RetrievalQueue } from '../studies/retrieval-queue';

/**
 * Answers the worklist from the local archive or from a PACS over QIDO-RS. PACS rows carry their
 * local status (not fetched, fetching n%, cached), so a reader sees what opens at once.
 */
export class WorklistService implements ServiceImpl<'worklist'> {
  constructor(
    private readonly archive: LocalArchive,
    private readonly profiles: PacsProfileService,
    private readonly retrieval: RetrievalQueue,
    private readonly reachability: ReachabilityMonitor,
  ) {}

  async searchForStudies(sourceId: string, query: StudyQuery): Promise<StudySearchResult> {
    if (sourceId === LOCAL_SOURCE_ID) {
      const result = await this.archive.searchForStudies(query);
      return { ...result, studies: result.studies.map((s) => ({ ...s, localStatus: 'cached' as const })) };
    }
    const source = new DicomwebSource(await this.profiles.connection(sourceId));
    const result = await this.reachability.observe(sourceId, source.searchForStudies(query));
    return { ...result, studies: await Promise.all(result.studies.map((s) => this.withLocalStatus(s))) };
  }

  private async withLocalStatus(study: StudySummary): Promise<StudySummary> {
    const running = this.retrieval.progressOf(study.studyInstanceUID);
    if (running) {
      const fetchPercent = running.total ? Math.floor((100 * running.completed) / running.total) : 0;
      return { ...study, localStatus: 'fetching', fetchPercent };
    }
    const complete = await this.archive.isComplete(study.studyInstanceUID, study.numberOfStudyRelatedInstances);
    return { ...study, localStatus: complete ? 'cached' : 'not-fetched' };
  }
}
