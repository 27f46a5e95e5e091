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
    const halt = new AbortController();
    const stopOnCancel = () => halt.abort();
    cancelled.addEventListener('abort', stopOnCancel);
    const queue = new WorkQueue<SourceEntry>();
    const importer = new FileImporter(this.archive);
    progress.flush();

    const walking = (async () => {
      try {
        for await (const entry of walkImportSources(paths, halt.signal)) {
          queue.push(entry);
          run.found();
        }
        if (!halt.signal.aborted) run.walkFinished();
      } finally {
        queue.close();
      }
    })();
    walking.catch(() => undefined); // awaited below; this only keeps an early rejection from being reported as unhandled
    const importEntry = async (entry: SourceEntry) => {
      try {
        run.record(entry.path, entry.kind === 'file' ? await importer.importFile(entry.path) : entry);
        progress.schedule();
      } catch (err) {
        halt.abort();
        throw err;
      }
    };

    try {
      await queue.drain(this.options.concurrency, importEntry, () => halt.signal.aborted);
      await walking;
    } catch (err) {
      halt.abort();
      await walking.catch(() => undefined);
      throw err;
    } finally {
      cancelled.removeEventListener('abort', stopOnCancel);
      progress.flush();
    }
    return run.summary(cancelled.aborted);
  }
}
