import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { AuditEntry } from '../../../shared/report/reading-session';

/**
 * The append-only audit log of every reading transition: one JSON line per entry in
 * `<dataDir>/reading/audit.log`, appended and fsynced before the transition is acknowledged.
 * Nothing ever rewrites or truncates it. A crash mid-append leaves at most one torn last line,
 * which reading skips and the next append starts after (on a fresh line).
 */
export class AuditLog {
  private seq: number | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  /** Appends one entry durably; resolves once it is on disk. */
  append(entry: Omit<AuditEntry, 'seq'>): Promise<AuditEntry> {
    const run = this.chain.then(() => this.appendNow(entry));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Every entry, oldest first; optionally only one study's. */
  async entries(studyInstanceUID?: string): Promise<AuditEntry[]> {
    const text = await readFile(this.file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const out: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue; // a line torn by a crash mid-append
      }
      const entry = AuditEntry.safeParse(parsed);
      if (entry.success && (!studyInstanceUID || entry.data.studyInstanceUID === studyInstanceUID)) out.push(entry.data);
    }
    return out;
  }

  private async appendNow(entry: Omit<AuditEntry, 'seq'>): Promise<AuditEntry> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, 'a+');
    try {
      if (this.seq === undefined) {
        const existing = await this.entries();
        this.seq = existing.length ? existing[existing.length - 1]!.seq + 1 : 0;
      }
      const { size } = await handle.stat();
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      const full = AuditEntry.parse({ ...entry, seq: this.seq });
      await handle.appendFile(`${prefix}${JSON.stringify(full)}\n`);
      await handle.sync();
      this.seq += 1;
      return full;
    } finally {
      await handle.close();
    }
  }
}
