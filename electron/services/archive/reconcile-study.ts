import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { readString } from '../../../shared/dicom/dicom-json';
import { Tag } from '../../../shared/dicom/tags';
import { readPart10Header } from './part10-header';
import type { InstanceRecord } from './study-index-file';

export interface ReconcileResult {
  records: Map<string, InstanceRecord>;
  /** Index entries dropped because their file is missing or has the wrong size. */
  dropped: number;
  /** Files written but not yet indexed when a crash came, now indexed. */
  recovered: number;
  /** Leftover temporary files and unreadable files removed. */
  removed: number;
}

/**
 * Makes a study's index and its files agree after any crash. Writes happen file first, index
 * second, each atomically, so the only states a crash can leave are: a stray temporary file
 * (removed), or a complete file the index does not list yet (verified and indexed).
 */
export async function reconcileStudy(studyDir: string, indexed: InstanceRecord[]): Promise<ReconcileResult> {
  const onDisk = new Map<string, { file: string; size: number }>();
  let removed = 0;
  for (const entry of await readdir(studyDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (entry.name.endsWith('.tmp')) {
      await rm(file, { force: true });
      removed += 1;
    } else if (entry.name.endsWith('.dcm')) {
      onDisk.set(entry.name.slice(0, -'.dcm'.length), { file, size: (await stat(file)).size });
    }
  }
  const records = new Map<string, InstanceRecord>();
  let dropped = 0;
  for (const record of indexed) {
    const sop = readString(record.header, Tag.SOPInstanceUID);
    const found = sop ? onDisk.get(sop) : undefined;
    if (!sop || !found || (record.size >= 0 && record.size !== found.size)) {
      dropped += 1;
      continue;
    }
    const header = record.stale ? await readHeaderOrUndefined(found.file) : record.header;
    onDisk.delete(sop);
    if (!header) {
      await rm(found.file, { force: true });
      removed += 1;
      dropped += 1;
      continue;
    }
    records.set(sop, { header, size: found.size });
  }
  let recovered = 0;
  for (const [sop, { file, size }] of onDisk) {
    const header = await readHeaderOrUndefined(file);
    if (header && readString(header, Tag.SOPInstanceUID) === sop) {
      records.set(sop, { header, size });
      recovered += 1;
    } else {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return { records, dropped, recovered, removed };
}

async function readHeaderOrUndefined(file: string) {
  try {
    return readPart10Header(new Uint8Array(await readFile(file)));
  } catch {
    return undefined;
  }
}
