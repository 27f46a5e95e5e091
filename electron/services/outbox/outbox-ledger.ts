import type { OutboxRecord } from './outbox-record';
import type { OutboxStore } from './outbox-store';

/**
 * The outbox items in memory, each change written through to its record on disk. Writes of one
 * item are serialised, so a slower earlier write never lands after a later one.
 */
export class OutboxLedger {
  private readonly records = new Map<string, OutboxRecord>();
  private readonly writes = new Map<string, Promise<void>>();

  constructor(
    private readonly store: OutboxStore,
    private readonly onChange: () => void,
  ) {}

  /** Takes over the records recovery found, without writing them. */
  load(records: readonly OutboxRecord[]): void {
    for (const record of records) this.records.set(record.id, record);
    this.onChange();
  }

  get(id: string): OutboxRecord | undefined {
    return this.records.get(id);
  }

  /** Newest first. */
  all(): OutboxRecord[] {
    return [...this.records.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** Makes a new record durable, then visible: an item is listed only once it would survive a crash. */
  async add(record: OutboxRecord): Promise<void> {
    await this.store.saveRecord(record);
    this.records.set(record.id, record);
    this.onChange();
  }

  /**
   * Replaces a record in memory at once and on disk in order; resolves when this version is
   * durable. Rejects (memory keeps the new version) when the disk write fails.
   */
  update(id: string, change: (record: OutboxRecord) => OutboxRecord): Promise<void> {
    const current = this.records.get(id);
    if (!current) return Promise.resolve();
    const next = change(current);
    this.records.set(id, next);
    this.onChange();
    const previous = this.writes.get(id) ?? Promise.resolve();
    const write = previous.catch(() => undefined).then(() => this.store.saveRecord(next));
    this.writes.set(id, write);
    const forget = (): void => {
      if (this.writes.get(id) === write) this.writes.delete(id);
    };
    write.then(forget, forget);
    return write;
  }

  /** Resolves when every write started so far has ended. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writes.values()]);
  }

  /**
   * The oldest queued item whose retry time has come. A retry time more than `maxWaitMs` ahead
   * can only come from a clock that was wrong when it was set, and counts as due.
   */
  nextDue(now: Date, maxWaitMs: number): OutboxRecord | undefined {
    let due: OutboxRecord | undefined;
    for (const record of this.records.values()) {
      if (record.status !== 'queued' || waitMs(record, now, maxWaitMs) > 0) continue;
      if (!due || record.id < due.id) due = record;
    }
    return due;
  }

  /** Milliseconds until the next queued item is due, or undefined when none waits for a time. */
  msUntilNextDue(now: Date, maxWaitMs: number): number | undefined {
    let soonest: number | undefined;
    for (const record of this.records.values()) {
      if (record.status !== 'queued' || record.nextAttemptAt === undefined) continue;
      const wait = waitMs(record, now, maxWaitMs);
      soonest = soonest === undefined ? wait : Math.min(soonest, wait);
    }
    return soonest;
  }
}

function waitMs(record: OutboxRecord, now: Date, maxWaitMs: number): number {
  const wait = record.nextAttemptAt === undefined ? 0 : Date.parse(record.nextAttemptAt) - now.getTime();
  return Number.isFinite(wait) && wait > 0 && wait <= maxWaitMs ? wait : 0;
}
