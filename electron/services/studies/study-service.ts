import { groupIntoSeries } from '../../../shared/dicom/study-from-json';
import { LOCAL_SOURCE_ID, type InstanceRef, type LocalStudy } from '../../../shared/domain/study';
import type { EventSink, ServiceImpl } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import type { LocalArchive } from '../archive/local-archive';
import { DicomwebSource } from '../dicomweb/dicomweb-source';
import type { PacsProfileService } from '../pacs/pacs-profile-service';
import { runPool } from './run-pool';

/** Parallel WADO-RS downloads per study: enough to fill a link, few enough for a small PACS. */
const RETRIEVE_CONCURRENCY = 4;

/**
 * Brings studies into the local archive and serves their bytes to the viewer. Instances already
 * archived are not fetched again, so a retrieval interrupted half-way resumes where it stopped.
 */
export class StudyService implements ServiceImpl<'studies'> {
  constructor(
    private readonly archive: LocalArchive,
    private readonly profiles: PacsProfileService,
    private readonly events: EventSink,
  ) {}

  async retrieveStudy(sourceId: string, studyInstanceUID: string): Promise<LocalStudy> {
    if (sourceId !== LOCAL_SOURCE_ID) await this.retrieveFromPacs(sourceId, studyInstanceUID);
    const study = await this.archive.getStudy(studyInstanceUID);
    if (!study) throw new ServiceError('NOT_FOUND', 'That study is not in the local archive. Choose its PACS as the source and open it again.');
    return study;
  }

  async readInstance(ref: InstanceRef): Promise<Uint8Array> {
    return this.archive.readInstance(ref);
  }

  private async retrieveFromPacs(sourceId: string, studyInstanceUID: string): Promise<void> {
    const source = new DicomwebSource(await this.profiles.connection(sourceId));
    const series = groupIntoSeries(await source.retrieveStudyMetadata(studyInstanceUID));
    const refs: InstanceRef[] = series.flatMap((s) =>
      s.instances.map((i) => ({ studyInstanceUID, seriesInstanceUID: s.seriesInstanceUID, sopInstanceUID: i.sopInstanceUID })),
    );
    if (refs.length === 0) throw new ServiceError('NOT_FOUND', 'The PACS holds no images for that study.');
    let completed = 0;
    const report = () => this.events.emit('retrieveProgress', { sourceId, studyInstanceUID, completed, total: refs.length });
    report();
    await runPool(refs, RETRIEVE_CONCURRENCY, async (ref) => {
      if (!(await this.archive.hasInstance(ref))) await this.archive.storeInstance(await source.retrieveInstance(ref), ref);
      completed += 1;
      report();
    });
  }
}
