import { access, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import dicomParser from 'dicom-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress, ImportSummary } from '../../shared/domain/import';
import type { InstanceRef } from '../../shared/domain/study';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { newUid, part10Of, testImage } from '../../electron/services/import/testing/dicom-builders';
import { writeFixtureCopies } from '../../electron/services/import/testing/fixture-copies';
import { buildPatientMedia, type PatientMedia } from '../../electron/services/import/testing/patient-media';
import { removeTempDirs, tempDir } from '../../electron/services/import/testing/temp-dirs';
import { DEFAULT_OUT_DIR, DEFAULT_SHARED_DATA_DIR, makeFixtures, type FixtureManifest } from '../../scripts/fixtures/make-fixtures';

/** Importing a CD, a USB folder and the shared chest set through the same services both transports use. */
let fixtures: FixtureManifest;

beforeAll(async () => {
  fixtures = await makeFixtures({ outDir: process.env.TANDEM_FIXTURES_DIR ?? DEFAULT_OUT_DIR });
  if (fixtures.source === 'synthetic') console.warn(`[import test] using the synthetic fixture set: ${fixtures.reason ?? '../shared/data is absent'}`);
});
/** Every container made here: disposed (their access-time flushes and outbox stopped) before their folders go. */
const containers: ServiceContainer[] = [];
afterAll(async () => {
  await Promise.all(containers.splice(0).map((c) => c.dispose()));
  await removeTempDirs();
});

function services(dataDir: string): ServiceContainer {
  const container = createServices(nodePlatform(dataDir, 'test'));
  containers.push(container);
  return container;
}

async function freshServices(): Promise<ServiceContainer> {
  return services(await tempDir('tandem-import-data-'));
}

/** Runs an import while recording its progress events. */
async function importWithProgress(container: ServiceContainer, paths: string[], onProgress?: (p: ImportProgress) => void) {
  const progress: ImportProgress[] = [];
  const off = container.events.onDidEmit((name, payload) => {
    if (name !== 'importProgress') return;
    progress.push(payload as ImportProgress);
    onProgress?.(payload as ImportProgress);
  });
  try {
    return { summary: await container.services.imports.importPaths(paths), progress };
  } finally {
    off();
  }
}

/** Every file under the archive with its size and modification time, to tell whether anything was rewritten. */
async function archiveListing(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'archive');
  const names = (await readdir(root, { recursive: true })) as string[];
  const files = await Promise.all(names.map(async (n) => ({ n, s: await stat(path.join(root, n)) })));
  return files.filter((f) => f.s.isFile()).map((f) => `${f.n} ${f.s.size} ${f.s.mtimeMs}`).sort();
}

function pixelData(part10: Uint8Array): Buffer {
  const ds = dicomParser.parseDicom(part10);
  const el = ds.elements.x7fe00010!;
  return Buffer.from(part10.subarray(el.dataOffset, el.dataOffset + el.length));
}

describe('import from a CD with DICOMDIR and a USB folder', () => {
  let media: PatientMedia;
  let container: ServiceContainer;
  let dataDir: string;
  let first: { summary: ImportSummary; progress: ImportProgress[] };

  beforeAll(async () => {
    media = await buildPatientMedia(fixtures, await tempDir('tandem-media-'));
    if (media.dicomdirWriter !== 'dcmmkdir') console.warn(`[import test] DICOMDIR made by ${media.dicomdirWriter}`);
    dataDir = await tempDir('tandem-import-data-');
    container = services(dataDir);
    first = await importWithProgress(container, [media.cdRoot, media.looseRoot]);
  });

  it('imports every referenced instance byte for byte and wraps the bare data set', async () => {
    expect(first.summary).toMatchObject({ imported: media.storedAsIs.length + 1, duplicates: 0, cancelled: false });
    for (const { ref, source } of media.storedAsIs) {
      const archived = await container.services.studies.readInstance(ref);
      expect(Buffer.from(archived).equals(await readFile(source)), source).toBe(true);
    }
    const wrapped = await container.services.studies.readInstance(media.bare.ref);
    const original = await readFile(media.bare.source);
    expect(Buffer.from(wrapped.subarray(128, 132)).toString('latin1')).toBe('DICM');
    expect(dicomParser.parseDicom(wrapped).string('x00080018')).toBe(media.bare.ref.sopInstanceUID);
    expect(pixelData(wrapped).equals(pixelData(original))).toBe(true);
  });

  it('reports junk, damaged and missing files with the right reasons, and nothing else', () => {
    const reported = Object.fromEntries(first.summary.skipped.map((s) => [s.path, s.reason]));
    expect(reported).toEqual(media.skips);
    expect(first.summary.skipped.every((s) => s.detail.length > 0)).toBe(true);
  });

  it('lists the imported studies in the local worklist', async () => {
    const { studies } = await container.services.worklist.searchForStudies('local', {});
    const expected = new Set([...media.storedAsIs, media.bare].map((i) => i.ref.studyInstanceUID));
    expect(new Set(studies.map((s) => s.studyInstanceUID))).toEqual(expected);
    expect(first.summary.studies.sort()).toEqual([...expected].sort());
    const instances = studies.reduce((n, s) => n + (s.numberOfStudyRelatedInstances ?? 0), 0);
    expect(instances).toBe(first.summary.imported);
  });

  it('reports progress with the import id, the last event matching the summary', () => {
    const fileCount = first.summary.imported + first.summary.skipped.length;
    expect(first.progress.every((p) => p.importId === first.summary.importId)).toBe(true);
    expect(first.progress.at(-1)).toEqual({ importId: first.summary.importId, filesSeen: fileCount, filesTotal: fileCount, imported: first.summary.imported, skipped: first.summary.skipped.length });
  });

  it('finds everything a duplicate the second time and writes nothing', async () => {
    const before = await archiveListing(dataDir);
    const { summary } = await importWithProgress(container, [media.cdRoot, media.looseRoot]);
    expect(summary).toMatchObject({ imported: 0, duplicates: first.summary.imported, cancelled: false });
    expect(summary.skipped).toEqual(first.summary.skipped);
    expect(await archiveListing(dataDir)).toEqual(before);
  });
});

describe('cancelling an import', () => {
  it('stops between files, keeps what was imported, and a second import completes the rest', async () => {
    // Eight mammograms and 400 small images: long enough, even on tmpfs, for a cancel after the first progress tick to land.
    const folder = await tempDir('tandem-usb-');
    const mammograms = await writeFixtureCopies(fixtures, folder, 8);
    await mkdir(path.join(folder, 'small'));
    let studyInstanceUID = '';
    for (let i = 0; i < 400; i++) {
      if (i % 4 === 0) studyInstanceUID = newUid();
      await writeFile(path.join(folder, 'small', `IM${String(i).padStart(4, '0')}.DCM`), part10Of(testImage({ StudyInstanceUID: studyInstanceUID })));
    }
    const total = mammograms.length + 400;
    const container = await freshServices();
    const { summary, progress } = await importWithProgress(container, [folder], (p) => {
      if (p.imported > 0) void container.services.imports.cancelImport(p.importId);
    });

    expect(summary.cancelled).toBe(true);
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.imported).toBeLessThan(total);
    expect(progress.at(-1)).toMatchObject({ imported: summary.imported });
    const { studies } = await container.services.worklist.searchForStudies('local', { limit: 1000 });
    expect(studies.reduce((n, s) => n + (s.numberOfStudyRelatedInstances ?? 0), 0)).toBe(summary.imported);

    const rest = await container.services.imports.importPaths([folder]);
    expect(rest).toMatchObject({ imported: total - summary.imported, duplicates: summary.imported, skipped: [], cancelled: false });
    for (const copy of mammograms) {
      const ref: InstanceRef = { studyInstanceUID: copy.studyInstanceUID, seriesInstanceUID: copy.seriesInstanceUID, sopInstanceUID: copy.sopInstanceUID };
      expect(Buffer.from(await container.services.studies.readInstance(ref)).equals(await readFile(copy.path))).toBe(true);
    }
  });
});

describe('the shared chest X-ray DICOM files', () => {
  const chestDir = path.join(DEFAULT_SHARED_DATA_DIR, 'cxr', 'dicom');

  it('imports every file of ../shared/data/cxr/dicom unchanged', async (ctx) => {
    if (!(await access(chestDir).then(() => true, () => false))) {
      console.warn(`[import test] skipped: ${chestDir} is absent`);
      ctx.skip();
    }
    const files = (await readdir(chestDir)).filter((f) => f.toLowerCase().endsWith('.dcm'));
    const container = await freshServices();
    const summary = await container.services.imports.importPaths([chestDir]);
    expect(summary).toMatchObject({ imported: files.length, duplicates: 0, skipped: [] });
    for (const file of files) {
      const bytes = await readFile(path.join(chestDir, file));
      const ds = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
      const ref = { studyInstanceUID: ds.string('x0020000d')!, seriesInstanceUID: ds.string('x0020000e')!, sopInstanceUID: ds.string('x00080018')! };
      expect(Buffer.from(await container.services.studies.readInstance(ref)).equals(bytes), file).toBe(true);
    }
  });
});
