import { ServiceError, toErrorData } from '../../../shared/ipc/errors';
import type { PacsConnection } from '../dicomweb/pacs-connection';
import { storageError } from '../fs/storage-error';
import { applyDelivery } from './delivery-outcome';
import type { HttpTransport } from './http-exchange';
import { deliverItem, type DeliveryResult } from './item-delivery';
import type { OutboxLedger } from './outbox-ledger';
import type { OutboxRecord } from './outbox-record';
import type { OutboxStore } from './outbox-store';
import type { RetryPolicy } from './retry-backoff';
import { StowClient } from './stow-client';

/** Where the sender finds a PACS profile and its secret (the PacsProfileService). */
export interface ConnectionSource {
  connection(profileId: string): Promise<PacsConnection>;
}

/** What the sender needs besides the ledger and the store. */
export interface SenderOptions {
  profiles: ConnectionSource;
  transport: HttpTransport;
  retryPolicy: RetryPolicy;
  random: () => number;
}

/** Failures that wait for a person (a profile to add or fix) rather than for time. */
const NEEDS_A_PERSON = new Set(['NOT_CONFIGURED', 'INVALID_ARGUMENT']);

/**
 * The background loop: sends due items one at a time, oldest first, and sleeps until the next
 * retry time or until woken (a new item, "Retry now"). One item is one study and one request.
 */
export class OutboxSender {
  private loop: Promise<void> | undefined;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private readonly shutdown = new AbortController();

  constructor(
    private readonly ledger: OutboxLedger,
    private readonly store: OutboxStore,
    private readonly options: SenderOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Re-reads the queue now instead of at the next retry time. */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  /** Aborts the exchange in flight (its item stays queued) and waits for the loop to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.shutdown.abort();
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const maxWaitMs = this.options.retryPolicy.maxDelayMs;
      const due = this.ledger.nextDue(new Date(), maxWaitMs);
      if (due) await this.attempt(due);
      else await this.sleep(this.ledger.msUntilNextDue(new Date(), maxWaitMs));
    }
  }

  private sleep(ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.wake(), ms);
      timer?.unref();
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async attempt(record: OutboxRecord): Promise<void> {
    const { id } = record;
    await this.ledger.update(id, (r) => ({ ...r, status: 'sending', lastAttemptAt: new Date().toISOString(), nextAttemptAt: undefined })).catch(() => undefined);
    const result = await this.deliver(id);
    if (this.stopped) {
      await this.ledger.update(id, (r) => ({ ...r, status: 'queued' })).catch(() => undefined);
      return;
    }
    const { retryPolicy, random } = this.options;
    await this.ledger.update(id, (r) => applyDelivery(r, result, new Date(), retryPolicy, random)).catch((err: unknown) => logFailure(id, 'could not record the result', err));
    if (this.ledger.get(id)?.status === 'sent') await this.store.deleteFiles(id).catch((err: unknown) => logFailure(id, 'could not delete sent files', err));
  }

  private async deliver(id: string): Promise<DeliveryResult> {
    try {
      const current = this.ledger.get(id) as OutboxRecord;
      const client = new StowClient(await this.options.profiles.connection(current.profileId), this.options.transport, this.shutdown.signal);
      return await deliverItem(current, {
        client,
        readInstance: (instance) => this.store.readInstance(id, instance),
        markSending: () =>
          this.ledger.update(id, (r) => ({ ...r, attempts: r.attempts + 1 })).catch((err: unknown) => {
            throw storageError(err, 'recording that an item is being sent');
          }),
      });
    } catch (err) {
      const error = err instanceof ServiceError ? err : ServiceError.fromData(toErrorData(err));
      if (error.code === 'INTERNAL') logFailure(id, 'failed unexpectedly', err);
      return { kind: NEEDS_A_PERSON.has(error.code) ? 'refused' : 'retry', error, verdicts: new Map() };
    }
  }
}

/** Logs by item id only: descriptions and UIDs could identify a patient. */
function logFailure(id: string, what: string, err: unknown): void {
  const code = err instanceof ServiceError ? err.code : ((err as NodeJS.ErrnoException | undefined)?.code ?? 'INTERNAL');
  console.warn(`[tandem] outbox item ${id} ${what} (${code})`);
}
