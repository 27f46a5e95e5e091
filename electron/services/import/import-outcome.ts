import type { ImportSkipReason } from '../../../shared/domain/import';

/** What became of one file of an import. */
export type FileOutcome =
  | { kind: 'imported'; studyInstanceUID: string }
  /** Already in the archive (same SOP Instance UID); nothing was written. */
  | { kind: 'duplicate'; studyInstanceUID: string }
  | SkipOutcome;

/** A file left out, with the reason the summary shows and a short detail a user can act on. */
export interface SkipOutcome {
  kind: 'skipped';
  reason: ImportSkipReason;
  detail: string;
}

export function skipped(reason: ImportSkipReason, detail: string): SkipOutcome {
  return { kind: 'skipped', reason, detail };
}
