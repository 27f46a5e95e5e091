import { z } from 'zod';
import { readString } from '../../../shared/dicom/dicom-json';
import { Tag } from '../../../shared/dicom/tags';
import { OutboxKind } from '../../../shared/domain/outbox';
import { Uid } from '../../../shared/domain/study';
import { ServiceError } from '../../../shared/ipc/errors';
import { readPart10Header } from '../archive/part10-header';

/** More than any report or heatmap needs; a bigger batch is a caller's bug. */
const MAX_INSTANCES = 1000;

/** What a service hands to the outbox: Part 10 instances of one study, for one PACS. */
export const EnqueueRequest = z.object({
  kind: OutboxKind,
  profileId: z.string().min(1),
  studyInstanceUID: Uid,
  /** Shown in the outbox list, e.g. "Double-reading report"; never logged. */
  description: z.string().max(200),
  /** Part 10 files, each with its File Meta Information. */
  instances: z
    .array(z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be the bytes of a DICOM Part 10 file'))
    .min(1)
    .max(MAX_INSTANCES),
});
export type EnqueueRequest = z.input<typeof EnqueueRequest>;

/** The UIDs of one instance, fixed at enqueue so that every re-send carries the same ones. */
export interface InstanceIdentity {
  sopInstanceUID: string;
  sopClassUID: string;
  seriesInstanceUID: string;
}

/**
 * Reads each instance's UIDs from its Part 10 header and checks the request is sendable as one
 * STOW-RS request: every instance belongs to the item's study and appears once.
 * @throws ServiceError DICOM_INVALID or INVALID_ARGUMENT naming the instance by position.
 */
export function identifyInstances(request: z.output<typeof EnqueueRequest>): InstanceIdentity[] {
  const seen = new Set<string>();
  return request.instances.map((bytes, index) => {
    const where = `instance ${index + 1} of ${request.instances.length}`;
    let header;
    try {
      header = readPart10Header(bytes);
    } catch (err) {
      throw new ServiceError('DICOM_INVALID', `Cannot queue ${where}: ${err instanceof Error ? err.message : 'unreadable'}. Only DICOM Part 10 objects can be sent to a PACS.`);
    }
    const identity = {
      sopInstanceUID: readString(header, Tag.SOPInstanceUID) ?? '',
      sopClassUID: readString(header, Tag.SOPClassUID) ?? '',
      seriesInstanceUID: readString(header, Tag.SeriesInstanceUID) ?? '',
    };
    const study = readString(header, Tag.StudyInstanceUID);
    // The UIDs end up in QIDO-RS paths, so they must be real UIDs and nothing else.
    if (![identity.sopInstanceUID, identity.sopClassUID, identity.seriesInstanceUID, study].every((uid) => Uid.safeParse(uid).success)) {
      throw new ServiceError('DICOM_INVALID', `Cannot queue ${where}: its SOP Class, SOP Instance, Series or Study Instance UID is missing or not a valid UID.`);
    }
    if (study !== request.studyInstanceUID) {
      throw new ServiceError('INVALID_ARGUMENT', `Cannot queue ${where}: it belongs to another study than the item, and a PACS would refuse it (409).`);
    }
    if (seen.has(identity.sopInstanceUID)) {
      throw new ServiceError('INVALID_ARGUMENT', `Cannot queue ${where}: its SOP Instance UID repeats an earlier instance of the same item.`);
    }
    seen.add(identity.sopInstanceUID);
    return identity;
  });
}
