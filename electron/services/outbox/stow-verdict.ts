import { describeFailureReason, describeWarningReason, isTransientFailure } from './stow-reasons';
import type { StoreInstancesResponse } from './stow-response';

/** What the PACS's answers say about one instance. */
export interface InstanceVerdict {
  status: 'stored' | 'failed';
  /** FailureReason or WarningReason in hex. */
  reason?: string;
  message?: string;
  /** A failure that goes away by itself (out of resources): retried automatically. */
  transient?: boolean;
}

/**
 * Judges each sent instance from a STOW-RS answer (200, 202, 400 or 409). Instances listed in
 * ReferencedSOPSequence are stored, those in FailedSOPSequence failed. An instance in neither is
 * stored when the status is 200 (which means "all stored"), and failed otherwise: Orthanc 1.10,
 * for one, answers 400 and lists only the stored instances when a part cannot be parsed.
 */
export function judgeStowAnswer(httpStatus: number, response: StoreInstancesResponse | undefined, sentUids: readonly string[]): Map<string, InstanceVerdict> {
  const verdicts = new Map<string, InstanceVerdict>();
  for (const uid of sentUids) {
    const failure = response?.failed.get(uid);
    const stored = response?.stored.get(uid);
    if (failure) {
      verdicts.set(uid, { status: 'failed', reason: failure.failureReason, message: describeFailureReason(failure.failureReason), transient: isTransientFailure(failure.failureReason) });
    } else if (stored) {
      const warning = stored.warningReason;
      verdicts.set(uid, warning ? { status: 'stored', reason: warning, message: describeWarningReason(warning) } : { status: 'stored' });
    } else if (httpStatus === 200) {
      verdicts.set(uid, { status: 'stored' });
    } else {
      verdicts.set(uid, { status: 'failed', message: unlistedMessage(httpStatus) });
    }
  }
  return verdicts;
}

/** An instance a search found on the PACS before or after it was (re-)sent. */
export const ALREADY_STORED: InstanceVerdict = { status: 'stored', message: 'Already in the PACS: an earlier attempt stored it.' };

/**
 * Corrects verdicts with what a QIDO-RS search found on the PACS afterwards. A failed instance the
 * PACS holds was stored by an earlier attempt with the same UID (UIDs are fixed at enqueue, so
 * nothing else can have that UID). A "stored" instance the PACS does not list was dropped after
 * the acknowledgement: Orthanc 1.10 with a ReceivedInstanceFilter answers 200 for instances the
 * filter discards.
 */
export function applySearchEvidence(verdicts: Map<string, InstanceVerdict>, present: ReadonlySet<string>): void {
  for (const [uid, verdict] of verdicts) {
    if (verdict.status === 'failed' && present.has(uid)) {
      verdicts.set(uid, ALREADY_STORED);
    } else if (verdict.status === 'stored' && !present.has(uid)) {
      verdicts.set(uid, {
        status: 'failed',
        message: 'The PACS acknowledged this instance but does not hold it; a rule on the PACS may have discarded it. Ask the PACS administrator to check its log.',
      });
    }
  }
}

function unlistedMessage(httpStatus: number): string {
  if (httpStatus === 400) return 'The PACS could not read this instance (HTTP 400). This is a defect in the object; report it.';
  return `The PACS did not report this instance as stored (HTTP ${httpStatus}). Ask the PACS administrator to check its log.`;
}
