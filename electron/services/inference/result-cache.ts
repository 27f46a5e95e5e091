import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { StudyAiResult } from '../../../shared/domain/ai-result';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * AI results on disk, one file per (study, pack id, pack version), written atomically. The study
 * UID is hashed into the folder name so no identifier appears in paths.
 */
export class ResultCache {
  constructor(private readonly root: string) {}

  private studyDir(studyUid: string): string {
    return path.join(this.root, createHash('sha256').update(studyUid).digest('hex').slice(0, 32));
  }

  private file(studyUid: string, packId: string, version: string): string {
    return path.join(this.studyDir(studyUid), `${packId}@${version}.json`);
  }

  async write(result: StudyAiResult): Promise<void> {
    await writeFileAtomic(this.file(result.studyInstanceUid, result.pack.id, result.pack.version), JSON.stringify(result));
  }

  async read(studyUid: string, packId: string, version: string): Promise<StudyAiResult | null> {
    return this.parse(this.file(studyUid, packId, version));
  }

  /** Every cached result of a study (optionally of one pack, any version), newest first. */
  async all(studyUid: string, packId?: string): Promise<StudyAiResult[]> {
    const dir = this.studyDir(studyUid);
    const names = await readdir(dir).catch(() => [] as string[]);
    const wanted = names.filter((n) => n.endsWith('.json') && !n.startsWith('.') && (!packId || n.startsWith(`${packId}@`)));
    const results = (await Promise.all(wanted.map((n) => this.parse(path.join(dir, n))))).filter((r): r is StudyAiResult => r !== null);
    return results.sort((a, b) => b.computedAt.localeCompare(a.computedAt));
  }

  private async parse(file: string): Promise<StudyAiResult | null> {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return null;
    try {
      return StudyAiResult.parse(JSON.parse(text));
    } catch {
      // A damaged cache entry is recomputed rather than shown.
      return null;
    }
  }
}
