import { mkdir, readdir, readFile } from 'node:fs/promises';
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
import { readPart10Header } from './part10-header';

const INDEX_FILE = 'index.json';

/**
 * DICOM Part 10 files on disk, one folder per study, with a per-study index of the header fields
 * the worklist and viewer need. Every file and index is written atomically, so a crash leaves the
 * previous state. The viewer reads only from here; the network's job is to fill it.
 *
 * The issue "Offline-first data layer" grows this into an embedded-database index with LRU
 * eviction and integrity checks; the interface stays.
 */
export class LocalArchive {
  private studies: Promise<Map<string, Map<string, DicomJsonDataset>>> | undefined;
  private readonly writeQueues = new Map<string, Promise<unknown>>();

  constructor(private readonly root: string) {}

  /** The same query QIDO-RS answers, evaluated on the archive. */
  async searchForStudies(query: StudyQuery): Promise<StudySearchResult> {
    const q = StudyQuerySchema.parse(query);
    const all = [...(await this.index()).values()]
      .map((instances) => this.summarise(instances))
      .filter((s): s is StudySummary => s !== undefined && matchesStudyQuery(s, q))
      .sort(compareStudiesNewestFirst);
    return { studies: all.slice(q.offset, q.offset + q.limit), hasMore: all.length > q.offset + q.limit };
  }

  async getStudy(studyInstanceUID: string): Promise<LocalStudy | undefined> {
    const instances = (await this.index()).get(studyInstanceUID);
    const study = instances && this.summarise(instances);
    if (!instances || !study) return undefined;
    return { study, series: groupIntoSeries([...instances.values()]) };
  }

  /** How many instances of a study the archive holds. */
  async countInstances(studyInstanceUID: string): Promise<number> {
    return (await this.index()).get(studyInstanceUID)?.size ?? 0;
  }

  /**
   * True when every instance the PACS announced for the study is archived. The count comes from
   * a completed retrieval; a study imported from media is complete by definition.
   */
  async isComplete(studyInstanceUID: string, expected?: number): Promise<boolean> {
    const held = await this.countInstances(studyInstanceUID);
    return held > 0 && (expected === undefined || held >= expected);
  }

  async hasInstance(ref: InstanceRef): Promise<boolean> {
    return (await this.index()).get(ref.studyInstanceUID)?.has(ref.sopInstanceUID) ?? false;
  }

  /**
   * Stores one Part 10 file. When `expected` is given (a retrieval), the file must be the instance
   * that was asked for; a PACS that answers with something else is caught here.
   */
  async storeInstance(bytes: Uint8Array, expected?: InstanceRef): Promise<InstanceRef> {
    const header = readPart10Header(bytes);
    const ref = this.refOf(header);
    if (expected && (expected.sopInstanceUID !== ref.sopInstanceUID || expected.studyInstanceUID !== ref.studyInstanceUID)) {
      throw new ServiceError('DICOM_INVALID', 'The PACS returned a different instance than the one requested.');
    }
    await this.serialised(ref.studyInstanceUID, async () => {
      const study = await this.studyMap(ref.studyInstanceUID);
      try {
        await writeFileAtomic(this.instancePath(ref), bytes);
        study.set(ref.sopInstanceUID, header);
        await writeFileAtomic(path.join(this.root, ref.studyInstanceUID, INDEX_FILE), JSON.stringify([...study.values()]));
      } catch (err) {
        study.delete(ref.sopInstanceUID);
        throw storageError(err, 'saving an image to the local archive');
      }
    });
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

  private refOf(header: DicomJsonDataset): InstanceRef {
    const parsed = {
      studyInstanceUID: Uid.safeParse(readString(header, Tag.StudyInstanceUID)),
      seriesInstanceUID: Uid.safeParse(readString(header, Tag.SeriesInstanceUID)),
      sopInstanceUID: Uid.safeParse(readString(header, Tag.SOPInstanceUID)),
    };
    if (!parsed.studyInstanceUID.success || !parsed.seriesInstanceUID.success || !parsed.sopInstanceUID.success) {
      throw new ServiceError('DICOM_INVALID', 'The DICOM file lacks a valid Study, Series or SOP Instance UID.');
    }
    return { studyInstanceUID: parsed.studyInstanceUID.data, seriesInstanceUID: parsed.seriesInstanceUID.data, sopInstanceUID: parsed.sopInstanceUID.data };
  }

  private instancePath(ref: InstanceRef): string {
    return path.join(this.root, ref.studyInstanceUID, ref.seriesInstanceUID, `${ref.sopInstanceUID}.dcm`);
  }

  private summarise(instances: Map<string, DicomJsonDataset>): StudySummary | undefined {
    const list = [...instances.values()];
    const first = list[0];
    if (!first) return undefined;
    const modalities = [...new Set(list.map((ds) => readString(ds, Tag.Modality)).filter((m): m is string => !!m))];
    return {
      ...studySummaryFromJson(first, LOCAL_SOURCE_ID),
      modalitiesInStudy: modalities,
      numberOfStudyRelatedInstances: list.length,
    };
  }

  private async studyMap(studyInstanceUID: string): Promise<Map<string, DicomJsonDataset>> {
    const all = await this.index();
    let study = all.get(studyInstanceUID);
    if (!study) {
      study = new Map();
      all.set(studyInstanceUID, study);
    }
    return study;
  }

  private serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.writeQueues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.writeQueues.set(key, next.catch(() => undefined));
    return next;
  }

  private index(): Promise<Map<string, Map<string, DicomJsonDataset>>> {
    this.studies ??= this.loadIndex();
    return this.studies;
  }

  private async loadIndex(): Promise<Map<string, Map<string, DicomJsonDataset>>> {
    await mkdir(this.root, { recursive: true });
    const studies = new Map<string, Map<string, DicomJsonDataset>>();
    for (const entry of await readdir(this.root, { withFileTypes: true })) {
      if (!entry.isDirectory() || !Uid.safeParse(entry.name).success) continue;
      const records = await readIndexFile(path.join(this.root, entry.name, INDEX_FILE));
      const byInstance = new Map<string, DicomJsonDataset>();
      for (const ds of records) {
        const sop = readString(ds, Tag.SOPInstanceUID);
        if (sop) byInstance.set(sop, ds);
      }
      if (byInstance.size) studies.set(entry.name, byInstance);
    }
    return studies;
  }
}

async function readIndexFile(file: string): Promise<DicomJsonDataset[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(parsed) ? (parsed as DicomJsonDataset[]) : [];
  } catch {
    return [];
  }
}
