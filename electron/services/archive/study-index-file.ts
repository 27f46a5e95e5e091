import { readFile } from 'node:fs/promises';
import type { DicomJsonDataset } from '../../../shared/dicom/dicom-json';
import { writeFileAtomic } from '../fs/atomic-write';

/** One archived instance: the header fields Tandem reads, and the size of its Part 10 file. */
export interface InstanceRecord {
  header: DicomJsonDataset;
  size: number;
  /** Read from an older index that kept fewer header fields: re-read from the file on open. */
  stale?: boolean;
}

/**
 * Version 3 kept the hanging-protocol fields (view codes, orientation, spacing); version 4 adds
 * SourceImageSequence, which keeps derived pictures such as heatmaps out of the hanging.
 */
const INDEX_VERSION = 4;
/** Older versions whose records are still usable once their headers are re-read. */
const STALE_VERSIONS: readonly number[] = [2, 3];

interface StudyIndexFile {
  version: typeof INDEX_VERSION;
  instances: InstanceRecord[];
}

/**
 * Reads a study's index. Older versions (1: a bare array of headers without sizes; 2 and 3: fewer
 * header fields) come back marked stale, and the integrity check re-reads those headers.
 */
export async function readStudyIndex(file: string): Promise<InstanceRecord[] | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) return (parsed as DicomJsonDataset[]).map((header) => ({ header, size: -1, stale: true }));
  const index = parsed as { version?: number; instances?: InstanceRecord[] };
  if (!Array.isArray(index.instances) || (index.version !== INDEX_VERSION && !STALE_VERSIONS.includes(index.version ?? 0))) return undefined;
  return index.version === INDEX_VERSION ? index.instances : index.instances.map((r) => ({ ...r, stale: true }));
}

/** Replaces a study's index atomically (temporary file, fsync, rename, directory fsync). */
export async function writeStudyIndex(file: string, records: Iterable<InstanceRecord>): Promise<void> {
  const body: StudyIndexFile = { version: INDEX_VERSION, instances: [...records].map(({ header, size }) => ({ header, size })) };
  await writeFileAtomic(file, JSON.stringify(body));
}
