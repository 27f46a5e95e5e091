import { createHash } from 'node:crypto';
import { writePart10 } from '../../scripts/fixtures/dcmjs-io';
import { uidFromParts } from '../../scripts/fixtures/uids';

/** UIDs of one test object. */
export interface TestObjectUids {
  studyInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID: string;
}

/** Unique UIDs for `count` objects of one new series in one new study, derived from `tag`. */
export function testUids(tag: string, count: number): TestObjectUids[] {
  const studyInstanceUID = uidFromParts('tandem-outbox-test', tag, 'study');
  const seriesInstanceUID = uidFromParts('tandem-outbox-test', tag, 'series');
  return Array.from({ length: count }, (_, i) => ({ studyInstanceUID, seriesInstanceUID, sopInstanceUID: uidFromParts('tandem-outbox-test', tag, String(i)) }));
}

/** A small Basic Text SR-like object: enough header for a PACS to file it, no content tree. */
export function srLikeObject(uids: TestObjectUids, extra: Record<string, unknown> = {}): Uint8Array {
  return writePart10({
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.11',
    ...keywords(uids),
    Modality: 'SR',
    PatientID: 'TANDEM-OUTBOX-TEST',
    PatientName: 'Outbox^Test',
    StudyDate: '20240315',
    SeriesNumber: 990,
    InstanceNumber: 1,
    CompletionFlag: 'COMPLETE',
    VerificationFlag: 'UNVERIFIED',
    ...extra,
  });
}

/**
 * A heatmap-like Secondary Capture whose pixel data is `pixelBytes` bytes derived from `seed`,
 * so that a parent process can rebuild exactly what a child wrote.
 */
export function heatmapLikeObject(uids: TestObjectUids, pixelBytes: number, seed: string): Uint8Array {
  const columns = Math.max(2, pixelBytes - (pixelBytes % 2));
  return writePart10({
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
    ...keywords(uids),
    Modality: 'OT',
    PatientID: 'TANDEM-OUTBOX-TEST',
    PatientName: 'Outbox^Test',
    StudyDate: '20240315',
    SeriesNumber: 991,
    InstanceNumber: 1,
    Rows: 1,
    Columns: columns,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    PixelData: deterministicBytes(seed, columns).buffer,
    _vrMap: { PixelData: 'OB' },
  });
}

/** What the crash child enqueues for `seed`: 1 to 3 heatmap-like objects of 0.5 to 24 KB. */
export function crashPayload(seed: string): { studyInstanceUID: string; instances: Uint8Array[] } {
  const digest = createHash('sha256').update(seed).digest();
  const count = 1 + ((digest[0] ?? 0) % 3);
  const uids = testUids(`crash-${seed}`, count);
  const instances = uids.map((u, i) => heatmapLikeObject(u, 512 + (((digest[i + 1] ?? 0) * 97) % 24_000), `${seed}/${i}`));
  return { studyInstanceUID: uids[0]!.studyInstanceUID, instances };
}

function keywords(uids: TestObjectUids): Record<string, string> {
  return { StudyInstanceUID: uids.studyInstanceUID, SeriesInstanceUID: uids.seriesInstanceUID, SOPInstanceUID: uids.sopInstanceUID };
}

function deterministicBytes(seed: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let block = createHash('sha256').update(seed).digest();
  for (let offset = 0; offset < length; offset += block.length) {
    out.set(block.subarray(0, Math.min(block.length, length - offset)), offset);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}
