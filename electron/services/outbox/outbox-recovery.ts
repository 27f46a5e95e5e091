import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OUTBOX_FORMAT, OUTBOX_ID, OutboxRecord } from './outbox-record';
import type { OutboxStore } from './outbox-store';

/** Why recovery removed something; ids only, never what the item holds. */
export interface RecoveryRemoval {
  id: string;
  why: 'unreadable-record' | 'missing-files' | 'orphan-files' | 'expired';
}

export interface RecoveryResult {
  /** Every item that survived, with `sending` turned back into `queued` (the outcome is unknown). */
  records: OutboxRecord[];
  removed: RecoveryRemoval[];
}

/**
 * Brings the outbox folder back to a state where records and files agree, after any crash:
 *
 * 1. temporary files of an interrupted record write are deleted (the old record, if any, stands);
 * 2. a record that cannot be read, or an unsent record whose files are missing or shorter than
 *    recorded, is deleted (record first, so a crash here only leaves orphan files);
 * 3. item folders without an unsent record (a crash before the record was written, after it was
 *    deleted, or after the item was sent) are deleted;
 * 4. sent records older than `sentRetentionMs` are dropped from the history.
 *
 * Records in a newer format (written by a later Tandem) are left alone, with their files.
 *
 * Idempotent: running it again, or being killed while it runs, is harmless.
 */
export async function recoverOutbox(store: OutboxStore, now: Date, sentRetentionMs: number): Promise<RecoveryResult> {
  await store.ensureFolders();
  const removed: RecoveryRemoval[] = [];
  const records = new Map<string, OutboxRecord>();
  const keepFolders = new Set<string>();
  for (const entry of await readdir(store.itemsDir, { withFileTypes: true })) {
    const id = entry.name.endsWith('.json') ? entry.name.slice(0, -5) : undefined;
    if (!entry.isFile() || id === undefined || !OUTBOX_ID.test(id)) {
      await rm(path.join(store.itemsDir, entry.name), { recursive: true, force: true });
      continue;
    }
    const record = await readRecord(store.recordPath(id), id);
    if (record === 'newer-format') {
      keepFolders.add(id);
    } else if (!record) {
      await dropItem(store, id);
      removed.push({ id, why: 'unreadable-record' });
    } else if (record.status !== 'sent' && !(await filesComplete(store, record))) {
      await dropItem(store, id);
      removed.push({ id, why: 'missing-files' });
    } else if (record.status === 'sent' && isExpired(record, now, sentRetentionMs)) {
      await dropItem(store, id);
      removed.push({ id, why: 'expired' });
    } else {
      records.set(id, record.status === 'sending' ? { ...record, status: 'queued', nextAttemptAt: undefined } : record);
      if (record.status !== 'sent') keepFolders.add(id);
    }
  }
  for (const entry of await readdir(store.filesDir, { withFileTypes: true })) {
    if (keepFolders.has(entry.name) && entry.isDirectory()) continue;
    await rm(path.join(store.filesDir, entry.name), { recursive: true, force: true });
    if (OUTBOX_ID.test(entry.name) && !records.has(entry.name)) removed.push({ id: entry.name, why: 'orphan-files' });
  }
  return { records: [...records.values()], removed };
}

/** A record, or 'newer-format' for one a later Tandem wrote (left alone), or undefined if unreadable. */
async function readRecord(file: string, id: string): Promise<OutboxRecord | 'newer-format' | undefined> {
  // A read error (EIO, EMFILE) propagates: recovery must not delete an item it merely failed to read.
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > OUTBOX_FORMAT) return 'newer-format';
  const parsed = OutboxRecord.safeParse(json);
  return parsed.success && parsed.data.id === id ? parsed.data : undefined;
}

async function filesComplete(store: OutboxStore, record: OutboxRecord): Promise<boolean> {
  for (const instance of record.instances) {
    const info = await stat(path.join(store.itemFolder(record.id), instance.file)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw err;
    });
    if (!info?.isFile() || info.size !== instance.size) return false;
  }
  return true;
}

async function dropItem(store: OutboxStore, id: string): Promise<void> {
  await store.deleteRecord(id);
  await store.deleteFiles(id);
}

function isExpired(record: OutboxRecord, now: Date, retentionMs: number): boolean {
  const finishedAt = Date.parse(record.lastAttemptAt ?? record.createdAt);
  return Number.isFinite(finishedAt) && now.getTime() - finishedAt > retentionMs;
}
