import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ImportSummary } from '../../../shared/domain/import';
import type { EventSink, ServiceImpl } from '../../../shared/ipc/api';
import { contract } from '../../../shared/ipc/contract';
import { FileImporter, type ImportArchive } from './file-importer';
import { ImportRun } from './import-run';
import { ProgressThrottle } from './progress-throttle';
import { walkImportSources, type SourceEntry } from './source-walker';
import { WorkQueue } from './work-queue';

/** How an import paces itself; tests shorten the interval. */
export interface ImportOptions {
  /** Files read and stored at once: enough to overlap disc reads with archive writes. */
  concurrency: number;
  /** Least time between two `importProgress` events (the first and the last are not held back). */
  progressIntervalMs: number;
}

const DEFAULTS: ImportOptions = { concurrency: 4, progressIntervalMs: 100 };

/**
 * Imports DICOM from files, folders, CDs and USB sticks into the local archive.
 *
 * - Every file ends up imported, a duplicate (already archived: counted, not written), or skipped
 *   with a reason; one bad file never stops an import.
 * - A failing archive does: when the disk is full (STORAGE_FULL) or the data folder is not
 *   writable (STORAGE_ERROR), `importPaths` rejects with that error, after a last progress event.
 *   Each instance is written atomically, so what was imported before stays whole and listed, and
 *   importing the same media again once there is space carries on where it stopped.
 * - `cancelImport` stops between files; the summary then says `cancelled: true`, and what was
 *   imported stays.
 * - Nothing is logged: file names on patient media can carry patient names.
 */
export class ImportService implements ServiceImpl<'imports'> {
  private readonly running = new Map<string, AbortController>();
  private readonly options: ImportOptions;

  constructor(
    private readonly archive: ImportArchive,
    private readonly events: EventSink,
    options: Partial<ImportOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async importPaths(paths: string[]): Promise<ImportSummary> {
    const [checked] = contract.imports.importPaths.args.parse([paths]);
    const importId = randomUUID();
    const cancel = new AbortController();
    this.running.set(importId, cancel);
    try {
      return await this.run(new ImportRun(importId), checked.map((p) => path.resolve(p)), cancel.signal);
    } finally {
      this.running.delete(importId);
    }
  }

  /** Stops the import between files. An unknown or finished import id is not an error: the two may cross. */
  async cancelImport(importId: string): Promise<void> {
    this.running.get(importId)?.abort();
  }

  private async run(run: ImportRun, paths: string[], cancelled: AbortSignal): Promise<ImportSummary> {
    const progress = new ProgressThrottle(() => this.events.emit('importProgress', run.progress()), this.options.progressIntervalMs);
    const archiveFailed = new AbortController();
    const stop = AbortSignal.any([cancelled, archiveFailed.signal]);
    const queue = new WorkQueue<SourceEntry>();
    const importer = new FileImporter(this.archive);
    progress.flush();

    const walking = walkInto(queue, run, paths, stop);
    const importEntry = async (entry: SourceEntry) => {
      try {
        run.record(entry.path, entry.kind === 'file' ? await importer.importFile(entry.path) : entry);
        progress.schedule();
      } catch (err) {
        archiveFailed.abort();
        throw err;
      }
    };
    try {
      await queue.drain(this.options.concurrency, importEntry, () => stop.aborted);
      await walking;
    } catch (err) {
      archiveFailed.abort();
      await walking.catch(() => undefined);
      throw err;
    } finally {
      progress.flush();
    }
    return run.summary(cancelled.aborted);
  }
}

/** Walks the sources into the queue, counting what it finds; closes the queue however it ends. */
function walkInto(queue: WorkQueue<SourceEntry>, run: ImportRun, paths: string[], stop: AbortSignal): Promise<void> {
  const walking = (async () => {
    try {
      for await (const entry of walkImportSources(paths, stop)) {
        queue.push(entry);
        run.found();
      }
      if (!stop.aborted) run.walkFinished();
    } finally {
      queue.close();
    }
  })();
  // Awaited by the caller once the workers are done; this only keeps an early rejection from
  // being reported as unhandled in the meantime.
  walking.catch(() => undefined);
  return walking;
}
