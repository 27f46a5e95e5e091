import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/domain/import';
import type { InstanceRef } from '../../../shared/domain/study';
import type { EventSink } from '../../../shared/ipc/api';
import { ServiceError } from '../../../shared/ipc/errors';
import { LocalArchive } from '../archive/local-archive';
import type { ImportArchive } from './file-importer';
import { ImportService } from './import-service';
import { bareDataset, ENCAPSULATED_PDF, IMPLICIT_LE, part10Of, testImage } from './testing/dicom-builders';
import { removeTempDirs, tempDir } from './testing/temp-dirs';

afterAll(removeTempDirs);

/** A folder of `count` distinct images, named IMG001.DCM… */
async function imageFolder(count: number): Promise<string> {
  const dir = await tempDir();
  for (let i = 1; i <= count; i++) await writeFile(path.join(dir, `IMG${String(i).padStart(3, '0')}.DCM`), part10Of(testImage()));
  return dir;
}

function recordingSink(): EventSink & { progress: ImportProgress[]; times: number[] } {
  const progress: ImportProgress[] = [];
  const times: number[] = [];
  const emit: EventSink['emit'] = (name, payload) => {
    if (name !== 'importProgress') return;
    progress.push(payload as ImportProgress);
    times.push(performance.now());
  };
  return { progress, times, emit };
}

/** The real archive, with a hook that runs before each store and is told how many stores came before. */
async function hookedArchive(beforeStore: (earlierStores: number) => Promise<void> | void): Promise<ImportArchive> {
  const archive = new LocalArchive(await tempDir());
  let calls = 0;
  return {
    hasInstance: (ref: InstanceRef) => archive.hasInstance(ref),
    storeInstance: async (bytes: Uint8Array) => {
      await beforeStore(calls++);
      return archive.storeInstance(bytes);
    },
  };
}

describe('ImportService', () => {
  it('imports images, wraps bare data sets, and skips junk with reasons without stopping', async () => {
    const dir = await tempDir();
    const image = testImage();
    const bare = testImage();
    const truncated = part10Of(testImage());
    await writeFile(path.join(dir, 'IMG001.DCM'), part10Of(image));
    await writeFile(path.join(dir, 'COPY.DCM'), part10Of(image));
    await writeFile(path.join(dir, 'OLDCD001'), bareDataset(part10Of(bare, IMPLICIT_LE)));
    await writeFile(path.join(dir, 'README.TXT'), 'Images of your examination. Insert the disc into a DICOM viewer.\r\n');
    await writeFile(path.join(dir, 'EMPTY'), '');
    await writeFile(path.join(dir, 'TRUNC.DCM'), truncated.subarray(0, truncated.length - 10));
    await writeFile(path.join(dir, 'REPORT.DCM'), part10Of({ SOPClassUID: ENCAPSULATED_PDF, SOPInstanceUID: '2.25.41', StudyInstanceUID: '2.25.42', SeriesInstanceUID: '2.25.43', Modality: 'DOC' }));
    const archive = new LocalArchive(await tempDir());
    const service = new ImportService(archive, recordingSink());

    const summary = await service.importPaths([dir]);

    expect(summary).toMatchObject({ imported: 2, duplicates: 0, cancelled: false });
    expect(summary.studies.sort()).toEqual([image.StudyInstanceUID, bare.StudyInstanceUID].sort());
    const reasons = Object.fromEntries(summary.skipped.map((s) => [path.basename(s.path), s.reason]));
    const secondCopy = reasons['IMG001.DCM'] ? 'IMG001.DCM' : 'COPY.DCM';
    expect(reasons).toEqual({
      [secondCopy]: 'duplicate',
      EMPTY: 'not-dicom',
      'README.TXT': 'not-dicom',
      'REPORT.DCM': 'unsupported',
      'TRUNC.DCM': 'corrupt',
    });
    expect(summary.skipped.every((s) => s.detail.length > 10)).toBe(true);
    expect(await archive.hasInstance({ studyInstanceUID: String(bare.StudyInstanceUID), seriesInstanceUID: String(bare.SeriesInstanceUID), sopInstanceUID: String(bare.SOPInstanceUID) })).toBe(true);
  });

  it('counts instances already in the archive as duplicates on a second import and writes nothing', async () => {
    const dir = await imageFolder(3);
    const stores: number[] = [];
    const archive = await hookedArchive((earlierStores) => void stores.push(earlierStores));
    const service = new ImportService(archive, recordingSink());
    expect(await service.importPaths([dir])).toMatchObject({ imported: 3, duplicates: 0 });
    const again = await service.importPaths([dir]);
    expect(again).toMatchObject({ imported: 0, duplicates: 3, skipped: [] });
    expect(again.studies).toHaveLength(3);
    expect(stores).toHaveLength(3);
  });

  it('never lets a cut copy shadow the good copy of the same image', async () => {
    const dir = await tempDir();
    const bytes = part10Of(testImage());
    await writeFile(path.join(dir, 'A-CUT.DCM'), bytes.subarray(0, bytes.length - 5));
    await writeFile(path.join(dir, 'B-GOOD.DCM'), bytes);
    const service = new ImportService(new LocalArchive(await tempDir()), recordingSink(), { concurrency: 1 });
    const summary = await service.importPaths([dir]);
    expect(summary.imported).toBe(1);
    expect(summary.skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([['A-CUT.DCM', 'corrupt']]);
  });

  it('counts a cut copy of an archived image as a duplicate without reading all of it', async () => {
    const dir = await tempDir();
    const big = testImage({ Rows: 256, Columns: 256, PixelData: [new Uint16Array(256 * 256).buffer] });
    const bytes = part10Of(big);
    await writeFile(path.join(dir, 'IMG001.DCM'), bytes);
    const service = new ImportService(new LocalArchive(await tempDir()), recordingSink());
    await service.importPaths([dir]);
    await writeFile(path.join(dir, 'IMG001.DCM'), bytes.subarray(0, bytes.length - 1000));
    expect(await service.importPaths([dir])).toMatchObject({ imported: 0, duplicates: 1, skipped: [] });
  });

  it('reports progress at once, then at most once per interval, and at the end with the totals', async () => {
    const dir = await imageFolder(12);
    const sink = recordingSink();
    const archive = await hookedArchive(() => new Promise((resolve) => setTimeout(resolve, 15)));
    const service = new ImportService(archive, sink, { concurrency: 1, progressIntervalMs: 50 });

    const summary = await service.importPaths([dir]);

    expect(sink.progress[0]).toEqual({ importId: summary.importId, filesSeen: 0, imported: 0, skipped: 0 });
    expect(sink.progress.at(-1)).toEqual({ importId: summary.importId, filesSeen: 12, filesTotal: 12, imported: 12, skipped: 0 });
    expect(sink.progress.length).toBeGreaterThan(2);
    expect(sink.progress.length).toBeLessThan(12);
    const gaps = sink.times.slice(1, -1).map((t, i) => t - sink.times[i]!);
    expect(gaps.filter((gap) => gap < 49)).toEqual([]);
  });

  it('stops between files when cancelled; what was imported stays', async () => {
    const dir = await imageFolder(8);
    const sink = recordingSink();
    const archive = await hookedArchive(async (earlierStores) => {
      if (earlierStores === 2) await service.cancelImport(sink.progress[0]!.importId);
    });
    const service = new ImportService(archive, sink, { concurrency: 1 });

    const summary = await service.importPaths([dir]);

    expect(summary.cancelled).toBe(true);
    expect(summary.imported).toBe(3);
    expect(summary.skipped).toEqual([]);
    expect(sink.progress.at(-1)).toMatchObject({ filesSeen: 3, imported: 3 });
    await expect(service.cancelImport(summary.importId)).resolves.toBeUndefined();
  });

  it('stops with the archive error when the disk is full, after a last progress event', async () => {
    const dir = await imageFolder(6);
    const sink = recordingSink();
    const full = new ServiceError('STORAGE_FULL', 'The disk is full while saving an image to the local archive. Free some space on the data drive and try again; nothing was lost.');
    const archive = await hookedArchive((earlierStores) => {
      if (earlierStores >= 2) throw full;
    });
    const service = new ImportService(archive, sink, { concurrency: 2 });

    await expect(service.importPaths([dir])).rejects.toBe(full);
    expect(sink.progress.at(-1)).toMatchObject({ imported: 2 });
  });

  it('rejects an empty list of paths as an invalid argument', async () => {
    const service = new ImportService(new LocalArchive(await tempDir()), recordingSink());
    await expect(service.importPaths([])).rejects.toThrow();
  });
});
