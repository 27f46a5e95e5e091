import { z } from 'zod';

/** Why one file of an import was not added to the archive. */
export const ImportSkipReason = z.enum(['not-dicom', 'unsupported', 'corrupt', 'duplicate', 'unreadable']);
export type ImportSkipReason = z.infer<typeof ImportSkipReason>;

/** Progress of an import, sent as `importProgress` events. */
export const ImportProgress = z.object({
  importId: z.string(),
  filesSeen: z.number().int().nonnegative(),
  /** Known once the folder walk has finished; until then undefined. */
  filesTotal: z.number().int().nonnegative().optional(),
  imported: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** What an import did, for the summary a user reads at the end. */
export const ImportSummary = z.object({
  importId: z.string(),
  imported: z.number().int().nonnegative(),
  /** Instances already in the archive (same SOP Instance UID): not stored twice. */
  duplicates: z.number().int().nonnegative(),
  studies: z.array(z.string()),
  skipped: z.array(z.object({ path: z.string(), reason: ImportSkipReason, detail: z.string() })),
  cancelled: z.boolean(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
