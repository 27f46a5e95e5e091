import { ServiceError } from '../../../shared/ipc/errors';
import type { OutboxRecord, RecordInstance } from './outbox-record';
import type { ExchangeFailure, StowClient } from './stow-client';
import { ALREADY_STORED, applySearchEvidence, judgeStowAnswer, type InstanceVerdict } from './stow-verdict';

/** How one delivery attempt ended, with what it learnt about each instance it looked at. */
export type DeliveryResult =
  | { kind: 'settled'; verdicts: Map<string, InstanceVerdict> }
  | { kind: 'retry'; error: ServiceError; verdicts: Map<string, InstanceVerdict> }
  | { kind: 'refused'; error: ServiceError; verdicts: Map<string, InstanceVerdict> };

/** What an attempt needs from the outbox around it. */
export interface DeliverySteps {
  client: StowClient;
  readInstance(instance: RecordInstance): Promise<Uint8Array>;
  /**
   * Durably records that instances are about to leave. From then on, until an answer is recorded,
   * the PACS may or may not hold them: the next attempt searches before it sends.
   */
  markSending(): Promise<void>;
}

/**
 * One attempt to bring an item's unstored instances to the PACS, idempotently:
 *
 * 1. after any earlier attempt (which may have stored instances without Tandem hearing the
 *    answer: a crash, a timeout, a dropped connection), ask QIDO-RS which instances the PACS
 *    already holds and leave those out;
 * 2. send the rest in one STOW-RS request and judge the answer per instance;
 * 3. search again, to count failed-but-present instances as stored and to catch instances
 *    acknowledged but not kept.
 */
export async function deliverItem(record: OutboxRecord, steps: DeliverySteps): Promise<DeliveryResult> {
  const verdicts = new Map<string, InstanceVerdict>();
  let pending = record.instances.filter((i) => i.status !== 'stored');
  if (record.attempts > 0) {
    const search = await steps.client.storedInstances(record.studyInstanceUID, pending.map((i) => i.seriesInstanceUID));
    if (search.kind === 'failed') return fromFailure(search, verdicts);
    for (const instance of pending) if (search.uids.has(instance.sopInstanceUID)) verdicts.set(instance.sopInstanceUID, ALREADY_STORED);
    pending = pending.filter((i) => !search.uids.has(i.sopInstanceUID));
  }
  const parts: Uint8Array[] = [];
  const sent: RecordInstance[] = [];
  for (const instance of pending) {
    try {
      parts.push(await steps.readInstance(instance));
      sent.push(instance);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      verdicts.set(instance.sopInstanceUID, { status: 'failed', message: err.message });
    }
  }
  if (sent.length === 0) return { kind: 'settled', verdicts };

  await steps.markSending();
  const answer = await steps.client.storeInstances(record.studyInstanceUID, parts);
  if (answer.kind === 'failed') return fromFailure(answer, verdicts);
  const judged = judgeStowAnswer(answer.status, answer.response, sent.map((i) => i.sopInstanceUID));
  const check = await steps.client.storedInstances(record.studyInstanceUID, sent.map((i) => i.seriesInstanceUID));
  // Without a search the STOW-RS answer is the best evidence there is.
  if (check.kind === 'found') applySearchEvidence(judged, check.uids);
  for (const [uid, verdict] of judged) verdicts.set(uid, verdict);
  return { kind: 'settled', verdicts };
}

function fromFailure(failure: ExchangeFailure, verdicts: Map<string, InstanceVerdict>): DeliveryResult {
  return { kind: failure.retry ? 'retry' : 'refused', error: failure.error, verdicts };
}
