import { readFile } from 'node:fs/promises';
import type { DicomJsonDataset } from '../../../shared/dicom/dicom-json';
import { writeFileAtomic } from '../fs/atomic-write';

/** One archived instance: the header fields Tandem reads, and the size of its Part 10 file. */
export interface InstanceRecord {
  header: DicomJsonDataset;
  size: number;
}

interface StudyIndexFileV2 {
  version: 2;
  instances: InstanceRecord[];
}

/**
 * Reads a study's index. Version 1 (a bare array of headers, without sizes) is accepted and
 * given size -1, which the integrity check fills in from the file system.
 */
export async function readStudyIndex(file: string): Promise<InstanceRecord[] | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) return (parsed as DicomJsonDataset[]).map((header) => ({ header, size: -1 }));
  const v2 = parsed as Partial<StudyIndexFileV2>;
  return v2.version === 2 && Array.isArray(v2.instances) ? v2.instances : undefined;
}

/** Replaces a study's index atomically (temporary file, fsync, rename, directory fsync). */
export async function writeStudyIndex(file: string, records: Iterable<InstanceRecord>): Promise<void> {
  const body: StudyIndexFileV2 = { version: 2, instances: [...records] };
  await writeFileAtomic(file, JSON.stringify(body));
}
