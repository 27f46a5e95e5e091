import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { syncDirectory, writeNewFileDurably } from './durable-fs';
import type { OutboxRecord, RecordInstance } from './outbox-record';

/** Where one instance's bytes were written, and how to recognise them again. */
export interface WrittenFile {
  file: string;
  size: number;
  sha256: string;
}

/**
 * The outbox on disk, under `<dataDir>/outbox/`:
 *
 * - `items/<id>.json`: one record per item (see OutboxRecord), replaced atomically on each change;
 * - `files/<id>/<n>.dcm`: the Part 10 bytes of instance n, written and fsynced before the record
 *   that refers to them exists.
 *
 * A record is the commit point: files without a record are debris from a crash and are deleted
 * by recovery.
 */
export class OutboxStore {
  readonly itemsDir: string;
  readonly filesDir: string;

  constructor(readonly root: string) {
    this.itemsDir = path.join(root, 'items');
    this.filesDir = path.join(root, 'files');
  }

  async ensureFolders(): Promise<void> {
    await mkdir(this.itemsDir, { recursive: true });
    await mkdir(this.filesDir, { recursive: true });
  }

  recordPath(id: string): string {
    return path.join(this.itemsDir, `${id}.json`);
  }

  itemFolder(id: string): string {
    return path.join(this.filesDir, id);
  }

  /** Writes each instance to `files/<id>/<n>.dcm` and makes the files and the folder durable. */
  async writeInstances(id: string, instances: readonly Uint8Array[]): Promise<WrittenFile[]> {
    const folder = this.itemFolder(id);
    await mkdir(folder);
    const written: WrittenFile[] = [];
    for (const [index, bytes] of instances.entries()) {
      const file = `${index}.dcm`;
      await writeNewFileDurably(path.join(folder, file), bytes);
      written.push({ file, size: bytes.byteLength, sha256: sha256Hex(bytes) });
    }
    await syncDirectory(folder);
    await syncDirectory(this.filesDir);
    return written;
  }

  /** Replaces the record atomically (temporary file, fsync, rename, directory fsync). */
  async saveRecord(record: OutboxRecord): Promise<void> {
    await writeFileAtomic(this.recordPath(record.id), `${JSON.stringify(record)}\n`, 0o600);
  }

  /** Removes a record; its files become unreferenced and are deleted next. */
  async deleteRecord(id: string): Promise<void> {
    await rm(this.recordPath(id), { force: true });
    await syncDirectory(this.itemsDir);
  }

  async deleteFiles(id: string): Promise<void> {
    await rm(this.itemFolder(id), { recursive: true, force: true });
  }

  /**
   * The bytes of one instance, checked against the size and SHA-256 taken when it was queued.
   * @throws ServiceError STORAGE_ERROR when the file is missing or no longer matches.
   */
  async readInstance(id: string, instance: RecordInstance): Promise<Uint8Array> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(this.itemFolder(id), instance.file));
    } catch {
      throw damaged();
    }
    if (bytes.byteLength !== instance.size || sha256Hex(bytes) !== instance.sha256) throw damaged();
    return bytes;
  }
}

function damaged(): ServiceError {
  return new ServiceError('STORAGE_ERROR', 'The saved copy of this object is missing or damaged on disk, so it cannot be sent. Save the object again; check the data drive for errors.');
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
