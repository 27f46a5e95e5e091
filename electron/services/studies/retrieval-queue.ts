import { groupIntoSeries } from '../../../shared/dicom/study-from-json';
import { readString } from '../../../shared/dicom/dicom-json';
import { Tag } from '../../../shared/dicom/tags';
import type { InstanceRef } from '../../../shared/domain/study';
import type { EventSink } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import type { LocalArchive } from '../archive/local-archive';
import { DicomwebSource } from '../dicomweb/dicomweb-source';
import type { PacsProfileService } from '../pacs/pacs-profile-service';
import { findPriorMammography } from './prior-study';
import { runPool } from './run-pool';
import { Semaphore } from './semaphore';

interface Job {
  sourceId: string;
  studyInstanceUID: string;
  completed: number;
  total: number;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Retrieval of studies from a PACS into the local archive. One job per study (asking twice joins
 * the running job), instance downloads bounded across all jobs, cancellable, and resumable:
 * instances already archived are never fetched again. A mammography study also brings the
 * patient's most recent prior mammography study, in the background.
 */
export class RetrievalQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly downloads: Semaphore;

  constructor(
    private readonly archive: LocalArchive,
    private readonly profiles: PacsProfileService,
    private readonly events: EventSink,
    concurrency = 4,
  ) {
    this.downloads = new Semaphore(concurrency);
  }

  /** Resolves when every instance of the study is in the archive. */
  retrieve(sourceId: string, studyInstanceUID: string, options: { withPrior?: boolean } = {}): Promise<void> {
    const key = `${sourceId}|${studyInstanceUID}`;
    const running = this.jobs.get(key);
    if (running) return running.done;
    const job: Job = { sourceId, studyInstanceUID, completed: 0, total: 0, abort: new AbortController(), done: Promise.resolve() };
    job.done = this.run(job, options.withPrior ?? true).finally(() => this.jobs.delete(key));
    this.jobs.set(key, job);
    return job.done;
  }

  cancel(sourceId: string, studyInstanceUID: string): void {
    this.jobs.get(`${sourceId}|${studyInstanceUID}`)?.abort.abort();
  }

  /** Resolves once no retrieval runs (priors included); for orderly shutdown and benchmarks. */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs.values()].map((j) => j.done));
  }

  /** Progress of a running retrieval, or undefined when none runs for that study. */
  progressOf(studyInstanceUID: string): { completed: number; total: number } | undefined {
    for (const job of this.jobs.values()) {
      if (job.studyInstanceUID === studyInstanceUID) return { completed: job.completed, total: job.total };
    }
    return undefined;
  }

  private async run(job: Job, withPrior: boolean): Promise<void> {
    const source = new DicomwebSource(await this.profiles.connection(job.sourceId), job.abort.signal);
    const metadata = await source.retrieveStudyMetadata(job.studyInstanceUID);
    const refs: InstanceRef[] = groupIntoSeries(metadata).flatMap((s) =>
      s.instances.map((i) => ({ studyInstanceUID: job.studyInstanceUID, seriesInstanceUID: s.seriesInstanceUID, sopInstanceUID: i.sopInstanceUID })),
    );
    if (refs.length === 0) throw new ServiceError('NOT_FOUND', 'The PACS holds no images for that study.');
    job.total = refs.length;
    this.report(job);
    await runPool(refs, refs.length, async (ref) => {
      if (!(await this.archive.hasInstance(ref))) {
        await this.downloads.run(async () => {
          if (job.abort.signal.aborted) throw new ServiceError('CANCELLED', 'The retrieval was cancelled; images already fetched are kept.');
          await this.archive.storeInstance(await source.retrieveInstance(ref), ref);
        });
      }
      job.completed += 1;
      this.report(job);
    });
    const first = metadata[0];
    if (withPrior && first && metadata.some((ds) => readString(ds, Tag.Modality) === 'MG')) {
      void this.retrievePrior(source, job.sourceId, job.studyInstanceUID, first);
    }
  }

  private async retrievePrior(source: DicomwebSource, sourceId: string, current: string, first: Parameters<typeof readString>[0]): Promise<void> {
    try {
      const prior = await findPriorMammography(source, current, readString(first, Tag.PatientID), readString(first, Tag.StudyDate));
      if (prior) await this.retrieve(sourceId, prior, { withPrior: false });
    } catch (err) {
      // A prior that cannot be fetched must not disturb the current read; the next open retries.
      console.warn(`[tandem] prior retrieval failed: ${err instanceof ServiceError ? err.code : 'INTERNAL'}`);
    }
  }

  private report(job: Job): void {
    this.events.emit('retrieveProgress', { sourceId: job.sourceId, studyInstanceUID: job.studyInstanceUID, completed: job.completed, total: job.total });
  }
}
