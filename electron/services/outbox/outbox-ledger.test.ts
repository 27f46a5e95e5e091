import { describe, expect, it } from 'vitest';
import { OutboxLedger } from './outbox-ledger';
import { OUTBOX_FORMAT, type OutboxRecord } from './outbox-record';
import type { OutboxStore } from './outbox-store';

const NOW = new Date('2024-06-01T12:00:00Z');
const MINUTE = 60_000;

function record(id: string, status: OutboxRecord['status'], nextAttemptInMs?: number): OutboxRecord {
  return {
    format: OUTBOX_FORMAT,
    id,
    kind: 'report-sr',
    profileId: 'pacs',
    studyInstanceUID: '1.2.3',
    description: '',
    status,
    attempts: 0,
    failuresInARow: 0,
    createdAt: NOW.toISOString(),
    nextAttemptAt: nextAttemptInMs === undefined ? undefined : new Date(NOW.getTime() + nextAttemptInMs).toISOString(),
    instances: [{ sopInstanceUID: '1.2.3.4', sopClassUID: '1.2', seriesInstanceUID: '1.2.3.5', file: '0.dcm', size: 1, sha256: '0'.repeat(64), status: 'pending' }],
  };
}

function ledgerWith(...records: OutboxRecord[]): OutboxLedger {
  const ledger = new OutboxLedger({} as OutboxStore, () => undefined);
  ledger.load(records);
  return ledger;
}

describe('OutboxLedger scheduling', () => {
  it('picks the oldest queued item whose retry time has come, and says how long until the next', () => {
    const ledger = ledgerWith(record('b00000000-000000000000', 'queued', -1), record('a00000000-000000000000', 'queued', 5 * MINUTE), record('000000000-000000000000', 'failed'));
    expect(ledger.nextDue(NOW, 10 * MINUTE)?.id).toBe('b00000000-000000000000');
    expect(ledgerWith(record('a00000000-000000000000', 'queued', 5 * MINUTE)).msUntilNextDue(NOW, 10 * MINUTE)).toBe(5 * MINUTE);
    expect(ledgerWith(record('a00000000-000000000000', 'failed')).msUntilNextDue(NOW, 10 * MINUTE)).toBeUndefined();
  });

  it('treats a retry time beyond the longest backoff as a clock that was wrong, and retries now', () => {
    const ledger = ledgerWith(record('a00000000-000000000000', 'queued', 365 * 24 * 60 * MINUTE));
    expect(ledger.nextDue(NOW, 10 * MINUTE)?.id).toBe('a00000000-000000000000');
    expect(ledger.msUntilNextDue(NOW, 10 * MINUTE)).toBe(0);
  });

  it('lists newest first', () => {
    expect(ledgerWith(record('a00000000-000000000000', 'sent'), record('b00000000-000000000000', 'queued')).all().map((r) => r.id)).toEqual(['b00000000-000000000000', 'a00000000-000000000000']);
  });
});
