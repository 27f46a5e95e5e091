import { z } from 'zod';
import { OutboxItem, type OutboxItemStatus } from '../../../shared/domain/outbox';

/** Bumped when the record layout changes; a reader refuses formats it does not know. */
export const OUTBOX_FORMAT = 1;

/** Item ids sort by creation time and are safe as file names: `<ms base36>-<random hex>`. */
export const OUTBOX_ID = /^[0-9a-z]{9}-[0-9a-f]{12}$/;

/** One instance of an item: what the PACS must receive, and where its bytes lie. */
export const RecordInstance = z.object({
  sopInstanceUID: z.string().min(1),
  sopClassUID: z.string().min(1),
  seriesInstanceUID: z.string().min(1),
  /** File name inside the item's folder. */
  file: z.string().regex(/^\d{1,5}\.dcm$/),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  status: z.enum(['pending', 'stored', 'failed']),
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type RecordInstance = z.infer<typeof RecordInstance>;

/**
 * The durable state of one outbox item, as `items/<id>.json`. It is rewritten atomically on every
 * change, so it always describes a whole item; its instance files exist before it is first
 * written.
 */
export const OutboxRecord = OutboxItem.omit({ instances: true }).extend({
  format: z.literal(OUTBOX_FORMAT),
  id: z.string().regex(OUTBOX_ID),
  /** Attempts that reached the point of sending; after one, the PACS may already hold instances. */
  attempts: z.number().int().nonnegative(),
  /** Consecutive transient failures: the exponent of the retry delay. */
  failuresInARow: z.number().int().nonnegative(),
  instances: z.array(RecordInstance).min(1),
});
export type OutboxRecord = z.infer<typeof OutboxRecord>;

/** What the renderer sees of a record: no file names or checksums. */
export function toOutboxItem(record: OutboxRecord): OutboxItem {
  const { format: _format, failuresInARow: _failures, instances, ...item } = record;
  return {
    ...item,
    instances: instances.map(({ sopInstanceUID, status, reason, message }) => ({ sopInstanceUID, status, reason, message })),
  };
}

/**
 * The item status that follows from its instances once an attempt has ended: all stored is sent,
 * none stored is failed, a mix is partially failed. Pending instances keep the item queued.
 */
export function settledStatus(instances: readonly RecordInstance[]): OutboxItemStatus {
  if (instances.some((i) => i.status === 'pending')) return 'queued';
  const stored = instances.filter((i) => i.status === 'stored').length;
  if (stored === instances.length) return 'sent';
  return stored === 0 ? 'failed' : 'partially-failed';
}
