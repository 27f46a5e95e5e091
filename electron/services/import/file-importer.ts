import { constants } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import type { InstanceRef } from '../../../shared/domain/study';
import { ServiceError } from '../../../shared/ipc/errors';
import { HEAD_BYTES, sniffEncoding } from './dicom-encoding';
import { describeReadError, readBytes, readingSource, readWhole, SourceReadError } from './file-reading';
import { skipped, type FileOutcome } from './import-outcome';
import { classifyInstance, peekInstanceRef } from './instance-classifier';

/** The part of the local archive an import needs. */
export interface ImportArchive {
  hasInstance(ref: InstanceRef): Promise<boolean>;
  storeInstance(bytes: Uint8Array): Promise<InstanceRef>;
}

const SAME_IMAGE_TWICE = 'Another file in this import holds the same image (same SOP Instance UID); it was imported once.';

/**
 * Imports one file at a time into the archive; one instance per import run, since it remembers
 * which SOP Instance UIDs the run has already claimed. A file that cannot be imported comes back
 * as a skip; only failures of the archive itself (disk full, no write permission) throw, because
 * every following file would fail the same way.
 */
export class FileImporter {
  private readonly claimed = new Set<string>();

  constructor(private readonly archive: ImportArchive) {}

  async importFile(file: string): Promise<FileOutcome> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (err) {
      return skipped('unreadable', describeReadError(err));
    }
    try {
      return await this.importFrom(handle);
    } catch (err) {
      if (err instanceof SourceReadError) return skipped('unreadable', describeReadError(err));
      throw err;
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  private async importFrom(handle: FileHandle): Promise<FileOutcome> {
    const { size } = await readingSource(() => handle.stat());
    if (size === 0) return skipped('not-dicom', 'An empty file.');
    if (size > constants.MAX_LENGTH) return skipped('unsupported', `Too large to import in one piece (${(size / 2 ** 30).toFixed(1)} GiB).`);
    const head = await readingSource(() => readBytes(handle, 0, Math.min(size, HEAD_BYTES)));
    const encoding = sniffEncoding(head);
    if (!encoding) return skipped('not-dicom', 'Not a DICOM file (no DICOM header).');

    // Recognising a duplicate from the header spares reading a whole mammogram off a slow disc.
    const peeked = peekInstanceRef(head, encoding);
    const early = peeked ? await this.duplicateOf(peeked) : undefined;
    if (early) return early;
    const instance = classifyInstance(await readingSource(() => readWhole(handle, head, size)), encoding);
    if (instance.kind === 'skipped') return instance;
    const late = peeked ? undefined : await this.duplicateOf(instance.ref);
    if (late) return late;
    // Another copy may have been claimed while this one was read. Claims are made only once a file
    // is known to be whole, so a damaged copy never shadows a good one.
    if (this.claimed.has(instance.ref.sopInstanceUID)) return skipped('duplicate', SAME_IMAGE_TWICE);
    this.claimed.add(instance.ref.sopInstanceUID);
    return this.store(instance.part10, instance.ref);
  }

  /** The outcome when this instance must not be stored again: already archived, or already imported by this run. */
  private async duplicateOf(ref: InstanceRef): Promise<FileOutcome | undefined> {
    if (await this.archive.hasInstance(ref)) return { kind: 'duplicate', studyInstanceUID: ref.studyInstanceUID };
    if (this.claimed.has(ref.sopInstanceUID)) return skipped('duplicate', SAME_IMAGE_TWICE);
    return undefined;
  }

  private async store(part10: Uint8Array, ref: InstanceRef): Promise<FileOutcome> {
    try {
      await this.archive.storeInstance(part10);
      return { kind: 'imported', studyInstanceUID: ref.studyInstanceUID };
    } catch (err) {
      this.claimed.delete(ref.sopInstanceUID);
      if (err instanceof ServiceError && err.code === 'DICOM_INVALID') return skipped('corrupt', err.message);
      throw err;
    }
  }
}
