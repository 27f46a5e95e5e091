import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetrieveProgress } from '../../shared/domain/study';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { startPacsWithFixtures, tempDataDir, type PacsFixture } from '../support/pacs-fixture';

/** The worklist and retrieval against a real Orthanc, through the same services both transports use. */
let pacs: PacsFixture;
let container: ServiceContainer;

beforeAll(async () => {
  pacs = await startPacsWithFixtures();
  container = createServices(nodePlatform(await tempDataDir(), 'test'));
  const url = pacs.orthanc.dicomwebRoot;
  await container.services.pacs.saveProfile({ id: 'orthanc', name: 'Test Orthanc', qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 10_000 });
});

afterAll(async () => {
  await pacs?.orthanc.stop();
});

describe('worklist over QIDO-RS', () => {
  it('lists every fixture study with patient, date, modality and description', async () => {
    const { studies, hasMore } = await container.services.worklist.searchForStudies('orthanc', { limit: 100, offset: 0 });
    expect(hasMore).toBe(false);
    expect(studies).toHaveLength(pacs.fixtures.studies.length);
    for (const expected of pacs.fixtures.studies) {
      const row = studies.find((s) => s.studyInstanceUID === expected.studyInstanceUID);
      expect(row, expected.key).toBeDefined();
      expect(row!.patientID).toBe(expected.patientID);
      expect(row!.studyDate).toBe(expected.studyDate);
      expect(row!.modalitiesInStudy).toContain(expected.modality);
      expect(row!.studyDescription, expected.key).toBe(expected.studyDescription);
      expect(row!.numberOfStudyRelatedInstances).toBe(expected.instances.length);
    }
  });

  it('filters by modality, by part of the patient name and by date range', async () => {
    const mg = await container.services.worklist.searchForStudies('orthanc', { modality: 'MG', limit: 100, offset: 0 });
    const mammo = pacs.fixtures.studies.filter((s) => s.modality === 'MG');
    expect(mg.studies.map((s) => s.studyInstanceUID).sort()).toEqual(mammo.map((s) => s.studyInstanceUID).sort());

    const current = pacs.fixtures.studies.find((s) => s.key === 'mammo-current')!;
    const family = current.patientName.split('^')[0]!.toLowerCase().slice(0, 4);
    const byName = await container.services.worklist.searchForStudies('orthanc', { patientName: family, limit: 100, offset: 0 });
    expect(byName.studies.map((s) => s.studyInstanceUID)).toContain(current.studyInstanceUID);

    const byDate = await container.services.worklist.searchForStudies('orthanc', { studyDateFrom: current.studyDate, studyDateTo: current.studyDate, limit: 100, offset: 0 });
    expect(byDate.studies.map((s) => s.studyInstanceUID)).toContain(current.studyInstanceUID);
    expect(byDate.studies.every((s) => s.studyDate === current.studyDate)).toBe(true);
  });

  it('pages through the results without losing or repeating a study', async () => {
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const page = await container.services.worklist.searchForStudies('orthanc', { limit: 2, offset });
      seen.push(...page.studies.map((s) => s.studyInstanceUID));
      if (!page.hasMore) break;
      offset += 2;
    }
    expect(new Set(seen).size).toBe(pacs.fixtures.studies.length);
    expect(seen).toHaveLength(pacs.fixtures.studies.length);
  });
});

describe('retrieval into the local archive (WADO-RS)', () => {
  it('fetches every instance of a study in its stored encoding, reporting progress', async () => {
    const study = pacs.fixtures.studies.find((s) => s.key === 'mammo-current')!;
    const progress: RetrieveProgress[] = [];
    const off = container.events.onDidEmit((name, payload) => name === 'retrieveProgress' && progress.push(payload as RetrieveProgress));
    const local = await container.services.studies.retrieveStudy('orthanc', study.studyInstanceUID);
    off();
    const instances = local.series.flatMap((s) => s.instances);
    expect(instances).toHaveLength(study.instances.length);
    expect(progress.at(-1)).toMatchObject({ completed: study.instances.length, total: study.instances.length });
    for (const expected of study.instances) {
      const bytes = await container.services.studies.readInstance({ studyInstanceUID: expected.studyInstanceUID, seriesInstanceUID: expected.seriesInstanceUID, sopInstanceUID: expected.sopInstanceUID });
      expect(Buffer.from(bytes).equals(await readFile(expected.path)), expected.sopInstanceUID).toBe(true);
    }
  });

  it('keeps a compressed chest image in its original transfer syntax', async () => {
    const compressed = pacs.fixtures.studies.find((s) => s.kind === 'chest' && s.instances.some((i) => i.transferSyntaxUID.startsWith('1.2.840.10008.1.2.4')));
    if (!compressed) return console.warn('[tests] no compressed chest fixture (synthetic set): skipped');
    const local = await container.services.studies.retrieveStudy('orthanc', compressed.studyInstanceUID);
    const instance = local.series[0]!.instances[0]!;
    expect(instance.transferSyntaxUID).toBe(compressed.instances[0]!.transferSyntaxUID);
  });

  it('answers the worklist from the archive once the PACS is gone', async () => {
    const study = pacs.fixtures.studies.find((s) => s.key === 'mammo-current')!;
    await pacs.orthanc.stop();
    const offline = await container.services.worklist.searchForStudies('local', { limit: 100, offset: 0 });
    expect(offline.studies.map((s) => s.studyInstanceUID)).toContain(study.studyInstanceUID);
    const reopened = await container.services.studies.retrieveStudy('local', study.studyInstanceUID);
    expect(reopened.series.flatMap((s) => s.instances)).toHaveLength(study.instances.length);
    await expect(container.services.worklist.searchForStudies('orthanc', { limit: 10, offset: 0 })).rejects.toMatchObject({
      code: 'PACS_UNREACHABLE',
      message: expect.stringMatching(/refused/),
    });
  });
});
