import type { ImportProgress, ImportSummary } from '../../../shared/domain/import';
import type { FileOutcome } from './import-outcome';

/** The running tally of one import, from which progress events and the summary are made. */
export class ImportRun {
  private filesFound = 0;
  private filesTotal: number | undefined;
  private filesDone = 0;
  private imported = 0;
  private duplicates = 0;
  private readonly studies = new Set<string>();
  private readonly skipped: ImportSummary['skipped'] = [];

  constructor(readonly importId: string) {}

  /** The folder walk found one more file (or one more file it already knows is unreadable). */
  found(): void {
    this.filesFound += 1;
  }

  /** The walk is complete: the total is now known. */
  walkFinished(): void {
    this.filesTotal = this.filesFound;
  }

  record(path: string, outcome: FileOutcome): void {
    this.filesDone += 1;
    if (outcome.kind === 'skipped') {
      this.skipped.push({ path, reason: outcome.reason, detail: outcome.detail });
      return;
    }
    if (outcome.kind === 'imported') this.imported += 1;
    else this.duplicates += 1;
    this.studies.add(outcome.studyInstanceUID);
  }

  /** `filesSeen` counts files done (imported, duplicate or skipped), so it reaches `filesTotal`. */
  progress(): ImportProgress {
    return {
      importId: this.importId,
      filesSeen: this.filesDone,
      ...(this.filesTotal === undefined ? {} : { filesTotal: this.filesTotal }),
      imported: this.imported,
      skipped: this.skipped.length,
    };
  }

  /**
   * `studies` lists every study the import touched, including those whose instances were all
   * duplicates, so the user can open what was on the disc. Skips are sorted by path.
   */
  summary(cancelled: boolean): ImportSummary {
    return {
      importId: this.importId,
      imported: this.imported,
      duplicates: this.duplicates,
      studies: [...this.studies].sort(),
      skipped: [...this.skipped].sort((a, b) => a.path.localeCompare(b.path)),
      cancelled,
    };
  }
}
