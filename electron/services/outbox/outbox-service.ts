import { randomBytes } from 'node:crypto';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { EventSink, ServiceImpl } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import { storageError } from '../fs/storage-error';
import { ChangeNotifier } from './change-notifier';
import { EnqueueRequest, identifyInstances } from './enqueue-request';
import { nodeHttpTransport, type HttpTransport } from './http-exchange';
import { OutboxLedger } from './outbox-ledger';
import { OUTBOX_FORMAT, toOutboxItem, type OutboxRecord } from './outbox-record';
import { recoverOutbox } from './outbox-recovery';
import { OutboxSender, type ConnectionSource } from './outbox-sender';
import { OutboxStore } from './outbox-store';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-backoff';

/** The outbox's folder and collaborators; the optional ones exist for tests and benchmarks. */
export interface OutboxOptions {
  /** `<dataDir>/outbox` */
  root: string;
  profiles: ConnectionSource;
  events: EventSink;
  transport?: HttpTransport;
  retryPolicy?: RetryPolicy;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  /** How long sent items stay listed (pruned at start-up); a week by default. */
  sentRetentionMs?: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Store-and-forward to the PACS. `enqueue` resolves only when an item and its instances are on
 * disk, so "saved" survives a crash or power cut; a background sender delivers them with STOW-RS
 * when the PACS can be reached, retrying with backoff, without ever storing an instance twice.
 * Every change is announced as an `outboxChanged` event with the full list.
 */
export class OutboxService implements ServiceImpl<'outbox'> {
  private readonly store: OutboxStore;
  private readonly ledger: OutboxLedger;
  private readonly notifier: ChangeNotifier;
  private readonly sender: OutboxSender;
  private ready: Promise<void> | undefined;

  constructor(private readonly options: OutboxOptions) {
    this.store = new OutboxStore(options.root);
    this.notifier = new ChangeNotifier(() => options.events.emit('outboxChanged', this.items()));
    this.ledger = new OutboxLedger(this.store, () => this.notifier.changed());
    this.sender = new OutboxSender(this.ledger, this.store, {
      profiles: options.profiles,
      transport: options.transport ?? nodeHttpTransport,
      retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      random: options.random ?? Math.random,
    });
  }

  /** Recovers the folder after a crash, then starts sending in the background. */
  start(): void {
    this.whenReady().then(
      () => this.sender.start(),
      () => undefined,
    );
  }

  /** Stops sending (an exchange in flight is abandoned; its item stays queued) and flushes events. */
  async dispose(): Promise<void> {
    await this.sender.stop();
    await this.ledger.settled();
    this.notifier.flush();
  }

  async list(): Promise<OutboxItem[]> {
    await this.whenReady();
    return this.items();
  }

  async retryNow(id?: string): Promise<void> {
    await this.whenReady();
    const targets = id === undefined ? this.ledger.all() : [this.ledger.get(id)];
    if (id !== undefined && !targets[0]) throw new ServiceError('NOT_FOUND', 'That outbox item no longer exists; the list may be out of date.');
    const updates = targets
      .filter((r): r is OutboxRecord => r !== undefined && r.status !== 'sent' && r.status !== 'sending')
      .map((r) =>
        this.ledger.update(r.id, (current) => ({
          ...current,
          status: 'queued',
          nextAttemptAt: undefined,
          failuresInARow: 0,
          instances: current.instances.map((i) => (i.status === 'failed' ? { ...i, status: 'pending', reason: undefined, message: undefined } : i)),
        })),
      );
    this.sender.wake();
    await Promise.all(updates).catch((err: unknown) => {
      throw storageError(err, 'updating the outbox');
    });
  }

  /**
   * Queues Part 10 instances of one study for one PACS. Resolves once the item is durable:
   * after a crash at any point before that there is no trace of it; after it, the whole item.
   * @throws ServiceError DICOM_INVALID / INVALID_ARGUMENT for objects no PACS would take,
   *   STORAGE_FULL / STORAGE_ERROR when the disk refuses (nothing is half-written then).
   */
  async enqueue(request: EnqueueRequest): Promise<OutboxItem> {
    const input = EnqueueRequest.parse(request);
    const identities = identifyInstances(input);
    await this.whenReady();
    const now = new Date();
    const id = `${now.getTime().toString(36).padStart(9, '0')}-${randomBytes(6).toString('hex')}`;
    try {
      const files = await this.store.writeInstances(id, input.instances);
      const record: OutboxRecord = {
        format: OUTBOX_FORMAT,
        id,
        kind: input.kind,
        profileId: input.profileId,
        studyInstanceUID: input.studyInstanceUID,
        description: input.description,
        status: 'queued',
        attempts: 0,
        failuresInARow: 0,
        createdAt: now.toISOString(),
        instances: identities.map((identity, index) => ({ ...identity, ...(files[index] as (typeof files)[number]), status: 'pending' })),
      };
      await this.ledger.add(record);
      this.sender.wake();
      return toOutboxItem(record);
    } catch (err) {
      await this.store.deleteFiles(id).catch(() => undefined);
      throw storageError(err, 'saving to the outbox');
    }
  }

  /**
   * True while a study has an item not yet sent. The archive never evicts such a study; before
   * recovery has run this answers from what is loaded, which errs on the side of keeping.
   */
  hasUnsentWork(studyInstanceUID: string): boolean {
    return this.items().some((item) => item.studyInstanceUID === studyInstanceUID && item.status !== 'sent');
  }

  private items(): OutboxItem[] {
    return this.ledger.all().map(toOutboxItem);
  }

  private whenReady(): Promise<void> {
    this.ready ??= recoverOutbox(this.store, new Date(), this.options.sentRetentionMs ?? WEEK_MS).then(
      ({ records, removed }) => {
        for (const { id, why } of removed) console.warn(`[tandem] outbox recovery removed item ${id} (${why})`);
        this.ledger.load(records);
      },
      (err: unknown) => {
        this.ready = undefined;
        throw storageError(err, 'opening the outbox');
      },
    );
    return this.ready;
  }
}
