import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * When each study was last opened, for LRU eviction. Persisted a moment after changes (it is a
 * hint: losing the last few seconds of it only makes eviction slightly less exact).
 */
export class AccessTimes {
  private times: Record<string, number> = {};
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly delayMs = 2000,
  ) {}

  async load(): Promise<void> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      if (parsed && typeof parsed === 'object') this.times = parsed as Record<string, number>;
    } catch {
      this.times = {};
    }
  }

  get(studyInstanceUID: string): number | undefined {
    return this.times[studyInstanceUID];
  }

  touch(studyInstanceUID: string, when = Date.now()): void {
    this.times[studyInstanceUID] = when;
    this.schedule();
  }

  forget(studyInstanceUID: string): void {
    delete this.times[studyInstanceUID];
    this.schedule();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await writeFileAtomic(this.file, JSON.stringify(this.times)).catch(() => undefined);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
    this.timer.unref();
  }
}
