import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ReadingSession } from '../../../shared/report/reading-session';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * One JSON file per study under `<dataDir>/reading/sessions/`. Every save replaces the file
 * atomically (temporary file, fsync, rename, directory fsync), so a crash while a draft is being
 * written leaves the previous draft or the new one, never a torn file.
 */
export class SessionStore {
  constructor(private readonly dir: string) {}

  private fileOf(studyInstanceUID: string): string {
    // Study UIDs are checked by the contract (digits and dots), so they are safe file names.
    return path.join(this.dir, `${studyInstanceUID}.json`);
  }

  async load(studyInstanceUID: string): Promise<ReadingSession | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileOf(studyInstanceUID), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return ReadingSession.parse(JSON.parse(text));
  }

  async save(session: ReadingSession): Promise<void> {
    await writeFileAtomic(this.fileOf(session.studyInstanceUID), JSON.stringify(session), 0o600);
  }

  /** Every stored session (start-up: which queued reports still wait for the outbox). */
  async all(): Promise<ReadingSession[]> {
    const names = await readdir(this.dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    const sessions: ReadingSession[] = [];
    for (const name of names) {
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        await rm(path.join(this.dir, name), { force: true });
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const session = await this.load(name.slice(0, -5)).catch(() => undefined);
      if (session) sessions.push(session);
    }
    return sessions;
  }
}
