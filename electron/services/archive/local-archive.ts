import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { readString, type DicomJsonDataset } from '../../../shared/dicom/dicom-json';
import { groupIntoSeries, studySummaryFromJson } from '../../../shared/dicom/study-from-json';
import { Tag } from '../../../shared/dicom/tags';
import { compareStudiesNewestFirst, matchesStudyQuery } from '../../../shared/domain/study-match';
import {
  LOCAL_SOURCE_ID,
  StudyQuery as StudyQuerySchema,
  Uid,
  type InstanceRef,
  type LocalStudy,
  type StudyQuery,
  type StudySearchResult,
  type StudySummary,
} from '../../../shared/domain/study';
import { ServiceError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { storageError } from '../fs/storage-error';
import { AccessTimes } from './access-times';
import { chooseEvictions } from './eviction-policy';
import { readPart10Header } from './part10-header';
import { reconcileStudy } from './reconcile-study';
import { readStudyIndex, writeStudyIndex, type InstanceRecord } from './study-index-file';

const INDEX_FILE = 'index.json';
const EVICTING_PREFIX = '.evicting-';

interface StudyEntry {
  instances: Map<string, InstanceRecord>;
  summary: StudySummary | undefined;
  bytes: number;
}

export interface ArchivePolicy {
  /** Disk budget in bytes; undefined means no limit. */
  budgetBytes(): number | undefined;
  /** Studies that must never be evicted: unsent or unsigned work, a study being read or fetched. */
  isProtected(studyInstanceUID: string): boolean;
}

export interface IntegrityReport {
  dropped: number;
  recovered: number;
  removed: number;
}

/**
 * DICOM Part 10 files on disk, one folder per study, with a per-study index of the header fields
 * the worklist and viewer need. A file is written (atomically) before the index that lists it
 * (atomically), and on open every study's index and files are reconciled, so a crash at any point
 * leaves an archive whose index and files agree. The viewer reads only from here; the network's
 * job is to fill it. Under a disk budget the least recently used studies go first, never one
 * with unsent or unsigned work.
 */
export class LocalArchive {
  private studies: Promise<Map<string, StudyEntry>> | undefined;
  private readonly writeQueues = new Map<string, Promise<unknown>>();
  private readonly access: AccessTimes;
  private evicting = false;
  private integrity: IntegrityReport = { dropped: 0, recovered: 0, removed: 0 };
  private policy: ArchivePolicy = { budgetBytes: () => undefined, isProtected: () => false };

  constructor(private readonly root: string) {
    this.access = new AccessTimes(path.join(root, 'access.json'));
  }

  /** Sets the budget and the protection rule (the composition root wires them to settings and work queues). */
  setPolicy(policy: ArchivePolicy): void {
    this.policy = policy;
  }

  /** The same query QIDO-RS answers, evaluated on the archive. */
  async searchForStudies(query: StudyQuery): Promise<StudySearchResult> {
    const q = StudyQuerySchema.parse(query);
    const all: StudySummary[] = [];
    for (const entry of (await this.index()).values()) if (entry.summary && matchesStudyQuery(entry.summary, q)) all.push(entry.summary);
    all.sort(compareStudiesNewestFirst);
    return { studies: all.slice(q.offset, q.offset + q.limit), hasMore: all.length > q.offset + q.limit };
  }

  async getStudy(studyInstanceUID: string): Promise<LocalStudy | undefined> {
    const entry = (await this.index()).get(studyInstanceUID);
    if (!entry?.summary) return undefined;
    this.access.touch(studyInstanceUID);
    return { study: entry.summary, series: groupIntoSeries([...entry.instances.values()].map((r) => r.header)) };
  }

  /** The archived header fields of every instance of a study, in instance-number order. */
  async readHeaders(studyInstanceUID: string): Promise<DicomJsonDataset[]> {
    const entry = (await this.index()).get(studyInstanceUID);
    if (!entry) throw new ServiceError('NOT_FOUND', 'That study is not in the local archive.');
    return groupIntoSeries([...entry.instances.values()].map((r) => r.header)).flatMap((series) =>
      series.instances.map((i) => entry.instances.get(i.sopInstanceUID)!.header),
    );
  }

  /** How many instances of a study the archive holds. */
  async countInstances(studyInstanceUID: string): Promise<number> {
    return (await this.index()).get(studyInstanceUID)?.instances.size ?? 0;
  }

  /** True when the archive holds the study, and at least `expected` instances of it when given. */
  async isComplete(studyInstanceUID: string, expected?: number): Promise<boolean> {
    const held = await this.countInstances(studyInstanceUID);
    return held > 0 && (expected === undefined || held >= expected);
  }

  async hasInstance(ref: InstanceRef): Promise<boolean> {
    return (await this.index()).get(ref.studyInstanceUID)?.instances.has(ref.sopInstanceUID) ?? false;
  }

  /** Bytes held, against the budget. */
  async status(): Promise<{ usedBytes: number; studyCount: number; instanceCount: number; budgetBytes?: number; integrity: IntegrityReport }> {
    let usedBytes = 0;
    let instanceCount = 0;
    const all = await this.index();
    for (const entry of all.values()) {
      usedBytes += entry.bytes;
      instanceCount += entry.instances.size;
    }
    return { usedBytes, studyCount: all.size, instanceCount, budgetBytes: this.policy.budgetBytes(), integrity: this.integrity };
  }

  /**
   * Stores one Part 10 file. When `expected` is given (a retrieval), the file must be the instance
   * that was asked for; a PACS that answers with something else is caught here.
   */
  async storeInstance(bytes: Uint8Array, expected?: InstanceRef): Promise<InstanceRef> {
    const header = readPart10Header(bytes);
    const ref = refOf(header);
    if (expected && (expected.sopInstanceUID !== ref.sopInstanceUID || expected.studyInstanceUID !== ref.studyInstanceUID)) {
      throw new ServiceError('DICOM_INVALID', 'The PACS returned a different instance than the one requested.');
    }
    // Open (and reconcile) the archive first: reconciling removes stray temporary files, which
    // must never race with a write in progress.
    await this.index();
    // The file is durable before the index lists it; files of one study are written in parallel
    // (each path is unique), only the index update is serialised per study.
    try {
      await writeFileAtomic(this.instancePath(ref), bytes);
    } catch (err) {
      throw storageError(err, 'saving an image to the local archive');
    }
    await this.serialised(ref.studyInstanceUID, async () => {
      const entry = await this.entry(ref.studyInstanceUID);
      const previous = entry.instances.get(ref.sopInstanceUID);
      try {
        entry.instances.set(ref.sopInstanceUID, { header, size: bytes.byteLength });
        await writeStudyIndex(path.join(this.root, ref.studyInstanceUID, INDEX_FILE), entry.instances.values());
      } catch (err) {
        if (previous) entry.instances.set(ref.sopInstanceUID, previous);
        else entry.instances.delete(ref.sopInstanceUID);
        throw storageError(err, 'saving an image to the local archive');
      } finally {
        refresh(entry);
      }
    });
    this.access.touch(ref.studyInstanceUID);
    void this.enforceBudget();
    return ref;
  }

  async readInstance(ref: InstanceRef): Promise<Uint8Array> {
    if (!(await this.hasInstance(ref))) {
      throw new ServiceError('NOT_FOUND', 'That image is not in the local archive. Open the study from its PACS to fetch it.');
    }
    try {
      return new Uint8Array(await readFile(this.instancePath(ref)));
    } catch (err) {
      throw storageError(err, 'reading an image from the local archive');
    }
  }

  /** Removes least-recently-used, unprotected studies until the archive fits its budget. */
  async enforceBudget(): Promise<string[]> {
    const budget = this.policy.budgetBytes();
    if (budget === undefined || this.evicting) return [];
    this.evicting = true;
    try {
      const all = await this.index();
      const candidates = [...all.entries()].map(([uid, e]) => ({ studyInstanceUID: uid, bytes: e.bytes, lastAccess: this.access.get(uid) ?? 0 }));
      const chosen = chooseEvictions(candidates, budget, (uid) => this.policy.isProtected(uid) || this.writeQueues.has(uid));
      for (const uid of chosen) await this.serialised(uid, () => this.evict(all, uid));
      return chosen;
    } finally {
      this.evicting = false;
    }
  }

  /** Flushes the access times; call before the process exits. */
  async close(): Promise<void> {
    await this.access.flush();
  }

  private async evict(all: Map<string, StudyEntry>, uid: string): Promise<void> {
    // Renaming first makes the removal atomic: a crash leaves a folder that open() deletes,
    // never a half-deleted study that looks complete.
    const doomed = path.join(this.root, `${EVICTING_PREFIX}${uid}-${randomBytes(4).toString('hex')}`);
    await rename(path.join(this.root, uid), doomed);
    all.delete(uid);
    this.access.forget(uid);
    await rm(doomed, { recursive: true, force: true });
  }

  private instancePath(ref: InstanceRef): string {
    return path.join(this.root, ref.studyInstanceUID, ref.seriesInstanceUID, `${ref.sopInstanceUID}.dcm`);
  }

  private async entry(studyInstanceUID: string): Promise<StudyEntry> {
    const all = await this.index();
    let entry = all.get(studyInstanceUID);
    if (!entry) {
      entry = { instances: new Map(), summary: undefined, bytes: 0 };
      all.set(studyInstanceUID, entry);
    }
    return entry;
  }

  private serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.writeQueues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.writeQueues.set(key, settled);
    void settled.then(() => {
      if (this.writeQueues.get(key) === settled) this.writeQueues.delete(key);
    });
    return next;
  }

  private index(): Promise<Map<string, StudyEntry>> {
    this.studies ??= this.open();
    return this.studies;
  }

  /** Loads every study's index and reconciles it with the files: the integrity check on open. */
  private async open(): Promise<Map<string, StudyEntry>> {
    await mkdir(this.root, { recursive: true });
    await this.access.load();
    const studies = new Map<string, StudyEntry>();
    for (const dirent of await readdir(this.root, { withFileTypes: true })) {
      if (!dirent.isDirectory()) continue;
      const dir = path.join(this.root, dirent.name);
      if (dirent.name.startsWith(EVICTING_PREFIX)) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      if (!Uid.safeParse(dirent.name).success) continue;
      const indexFile = path.join(dir, INDEX_FILE);
      const indexed = (await readStudyIndex(indexFile)) ?? [];
      const result = await reconcileStudy(dir, indexed);
      this.integrity.dropped += result.dropped;
      this.integrity.recovered += result.recovered;
      this.integrity.removed += result.removed;
      if (result.records.size === 0) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      if (result.dropped || result.recovered || indexed.some((r) => r.size < 0 || r.stale)) await writeStudyIndex(indexFile, result.records.values());
      const entry: StudyEntry = { instances: result.records, summary: undefined, bytes: 0 };
      refresh(entry);
      studies.set(dirent.name, entry);
    }
    return studies;
  }
}

/** Recomputes the derived fields of a study entry after its instances changed. */
function refresh(entry: StudyEntry): void {
  const headers = [...entry.instances.values()].map((r) => r.header);
  entry.bytes = [...entry.instances.values()].reduce((sum, r) => sum + Math.max(0, r.size), 0);
  const first = headers[0];
  if (!first) {
    entry.summary = undefined;
    return;
  }
  const modalities = [...new Set(headers.map((ds) => readString(ds, Tag.Modality)).filter((m): m is string => !!m))];
  entry.summary = { ...studySummaryFromJson(first, LOCAL_SOURCE_ID), modalitiesInStudy: modalities, numberOfStudyRelatedInstances: headers.length };
}

function refOf(header: DicomJsonDataset): InstanceRef {
  const study = Uid.safeParse(readString(header, Tag.StudyInstanceUID));
  const series = Uid.safeParse(readString(header, Tag.SeriesInstanceUID));
  const sop = Uid.safeParse(readString(header, Tag.SOPInstanceUID));
  if (!study.success || !series.success || !sop.success) {
    throw new ServiceError('DICOM_INVALID', 'The DICOM file lacks a valid Study, Series or SOP Instance UID.');
  }
  return { studyInstanceUID: study.data, seriesInstanceUID: series.data, sopInstanceUID: sop.data };
}
