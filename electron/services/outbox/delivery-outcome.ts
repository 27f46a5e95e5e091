import type { DeliveryResult } from './item-delivery';
import { settledStatus, type OutboxRecord, type RecordInstance } from './outbox-record';
import { retryDelayMs, type RetryPolicy } from './retry-backoff';

/**
 * The record after an attempt: instances take their verdicts; a transient failure (network,
 * timeout, 5xx, PACS out of resources) requeues the item with a backoff delay; a refusal that
 * needs a person (credentials, configuration) fails it until "Retry now"; otherwise the
 * instances decide between sent, failed and partially failed.
 */
export function applyDelivery(record: OutboxRecord, result: DeliveryResult, now: Date, policy: RetryPolicy, random: () => number): OutboxRecord {
  const instances = record.instances.map((instance): RecordInstance => {
    const verdict = result.verdicts.get(instance.sopInstanceUID);
    if (!verdict) return instance;
    return { ...instance, status: verdict.transient ? 'pending' : verdict.status, reason: verdict.reason, message: verdict.message };
  });
  const transientlyRefused = [...result.verdicts.values()].some((v) => v.transient);
  if (result.kind === 'retry' || (result.kind === 'settled' && transientlyRefused)) {
    const failuresInARow = record.failuresInARow + 1;
    const reason = result.kind === 'retry' ? result.error.message : 'The PACS is out of resources for some instances.';
    return {
      ...record,
      instances,
      status: 'queued',
      failuresInARow,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(failuresInARow, policy, random)).toISOString(),
      lastError: `${reason} The item is kept and sent automatically later.`,
    };
  }
  if (result.kind === 'refused') {
    return { ...record, instances, status: 'failed', failuresInARow: 0, nextAttemptAt: undefined, lastError: `${result.error.message} Then choose "Retry now"; the item is kept.` };
  }
  return { ...record, instances, status: settledStatus(instances), failuresInARow: 0, nextAttemptAt: undefined, lastError: failureSummary(instances) };
}

function failureSummary(instances: readonly RecordInstance[]): string | undefined {
  const failed = instances.filter((i) => i.status === 'failed').length;
  if (failed === 0) return undefined;
  const which = instances.length === 1 ? 'The instance was' : `${failed} of ${instances.length} instances were`;
  return `${which} not stored by the PACS; see each instance for the reason. Choose "Retry now" once the cause is fixed.`;
}
