import { z } from 'zod';

/** What an outbox item carries to the PACS. */
export const OutboxKind = z.enum(['report-sr', 'cad-sr', 'heatmap', 'other']);

export const OutboxItemStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'partially-failed']);
export type OutboxItemStatus = z.infer<typeof OutboxItemStatus>;

/** The result for one instance of an item, from the STOW-RS response. */
export const OutboxInstanceResult = z.object({
  sopInstanceUID: z.string(),
  status: z.enum(['pending', 'stored', 'failed']),
  /** FailureReason (0008,1197) or WarningReason (0008,1196) in hex, when the PACS gave one. */
  reason: z.string().optional(),
  message: z.string().optional(),
});

/** One durable unit of work: instances of one study, to one PACS. */
export const OutboxItem = z.object({
  id: z.string(),
  kind: OutboxKind,
  profileId: z.string(),
  studyInstanceUID: z.string(),
  description: z.string(),
  status: OutboxItemStatus,
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  lastAttemptAt: z.string().optional(),
  nextAttemptAt: z.string().optional(),
  lastError: z.string().optional(),
  instances: z.array(OutboxInstanceResult),
});
export type OutboxItem = z.infer<typeof OutboxItem>;
