import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StudyAiResult } from '../../../shared/domain/ai-result';
import { Uid } from '../../../shared/domain/study';

/**
 * Where the reading service gets the AI's read of a study, only when the reader reveals it.
 * The inference service (issue 5) implements this; its own `getResult` is guarded by the
 * RevealPolicy this folder exports.
 */
export interface AiResultSource {
  getResult(studyInstanceUID: string): Promise<StudyAiResult | undefined>;
}

/**
 * AI results stored as `<dir>/<StudyInstanceUID>.json` (an external AI's output, or a result
 * kept from an earlier run), checked against the shared result schema when read.
 */
export class DirectoryAiResultSource implements AiResultSource {
  constructor(private readonly dir: string) {}

  async getResult(studyInstanceUID: string): Promise<StudyAiResult | undefined> {
    const uid = Uid.parse(studyInstanceUID);
    let text: string;
    try {
      text = await readFile(path.join(this.dir, `${uid}.json`), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const result = StudyAiResult.parse(JSON.parse(text));
    return result.studyInstanceUid === uid ? result : undefined;
  }
}

/** Tries each source in turn (the live inference service first, then stored results). */
export function firstAvailable(...sources: AiResultSource[]): AiResultSource {
  return {
    async getResult(uid) {
      for (const source of sources) {
        const result = await source.getResult(uid);
        if (result) return result;
      }
      return undefined;
    },
  };
}
