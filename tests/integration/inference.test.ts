import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { signNegativeFirstRead } from '../support/blind-read';
import { nodePlatform } from '../../electron/services/node-platform';
import { probeGraph, probeManifest } from '../../electron/services/models/testing/probe-pack';
import { writePack } from '../../models/lib/write-pack';
import { NYU_DENSITY_ONNX, nyuDensityManifest } from '../../models/third-party/nyu-density';
import { sharedFile } from '../../models/third-party/shared-data';
import type { InferenceProgress } from '../../shared/models/inference-progress';
import { startPacsWithFixtures, tempDataDir, type PacsFixture } from '../support/pacs-fixture';

/** A study retrieved from a real Orthanc runs end to end through the models and inference services. */
let pacs: PacsFixture;
let container: ServiceContainer;
const progress: InferenceProgress[] = [];

beforeAll(async () => {
  pacs = await startPacsWithFixtures();
  const dataDir = await tempDataDir();
  container = createServices({ ...nodePlatform(dataDir, 'test'), builtInPacksDirectory: path.resolve('models', 'packs') });
  container.events.onDidEmit((name, payload) => {
    if (name === 'inferenceProgress') progress.push(payload as InferenceProgress);
  });
  const url = pacs.orthanc.dicomwebRoot;
  await container.services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 5000 });
});

afterAll(async () => {
  await container?.dispose();
  await pacs?.orthanc.stop();
});

async function packFolder(draft: Parameters<typeof writePack>[1], model: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-pack-'));
  await writePack(dir, draft, { 'model.onnx': model });
  return dir;
}

async function runToEnd(studyUid: string, packId: string): Promise<InferenceProgress> {
  const { jobId } = await container.services.inference.start(studyUid, packId);
  await container.inference.idle();
  return progress.filter((p) => p.jobId === jobId).at(-1)!;
}

describe('AI second reader through the services', () => {
  it('retrieves a chest study from Orthanc, runs an imported pack on it and returns the cached result', async () => {
    const chest = pacs.fixtures.studies.find((s) => s.kind === 'chest')!;
    const pack = await container.services.models.importPack(await packFolder(probeManifest(), probeGraph()));
    expect((await container.services.models.listPacks()).map((p) => p.manifest.id)).toContain(pack.manifest.id);
    expect(Buffer.from(await container.services.models.readPackFile(pack.manifest.id, 'model.onnx')).equals(Buffer.from(probeGraph()))).toBe(true);

    await container.services.studies.retrieveStudy('orthanc', chest.studyInstanceUID);
    const last = await runToEnd(chest.studyInstanceUID, pack.manifest.id);
    expect(last).toMatchObject({ state: 'done', viewsDone: chest.instances.length, viewsTotal: chest.instances.length });
    // Computed, but sealed until the reader's own first read is signed.
    await expect(container.services.inference.getResult(chest.studyInstanceUID, pack.manifest.id)).rejects.toMatchObject({ code: 'AI_SEALED' });
    await signNegativeFirstRead(container, 'orthanc', chest.studyInstanceUID, 'chest');
    const result = await container.services.inference.getResult(chest.studyInstanceUID, pack.manifest.id);
    expect(result?.views.map((v) => v.sopInstanceUid)).toEqual(chest.instances.map((i) => i.sopInstanceUID));
    expect(result?.backend).toBe('node-cpu');
  });

  it('refuses a study the model cannot read and keeps serving other calls', async () => {
    const mammo = pacs.fixtures.studies.find((s) => s.key === 'mammo-current')!;
    await container.services.studies.retrieveStudy('orthanc', mammo.studyInstanceUID);
    const last = await runToEnd(mammo.studyInstanceUID, 'probe-brightness');
    expect(last.state).toBe('failed');
    expect(last.error?.code).toBe('IMAGE_NOT_ACCEPTED');
    expect((await container.services.archive.getStatus()).studyCount).toBeGreaterThan(0);
  });

  it('works out of the box: a built-in default pack reads the mammogram when no pack is named', async () => {
    const mammo = pacs.fixtures.studies.find((s) => s.key === 'mammo-current')!;
    await container.services.studies.retrieveStudy('orthanc', mammo.studyInstanceUID);
    const builtIn = (await container.services.models.listPacks()).filter((p) => p.builtIn).map((p) => p.manifest.id);
    expect(builtIn.sort()).toEqual(['tandem-calcification-clusters', 'tandem-mass-like-densities', 'tandem-nodule-like-opacities']);
    const job = await container.services.inference.start(mammo.studyInstanceUID);
    expect(builtIn).toContain(job.packId);
    await container.inference.idle();
    expect(progress.filter((p) => p.jobId === job.jobId).at(-1)?.state).toBe('done');
    await expect(container.services.inference.getResult(mammo.studyInstanceUID, job.packId)).rejects.toMatchObject({ code: 'AI_SEALED' });
    await signNegativeFirstRead(container, 'orthanc', mammo.studyInstanceUID, 'mammo');
    const result = (await container.services.inference.getResult(mammo.studyInstanceUID, job.packId))!;
    expect(result.pack.notForClinicalUse).toBe(true);
    expect(result.breasts.map((b) => b.laterality).sort()).toEqual(['L', 'R']);
    expect(result.views.every((v) => v.heatmap !== undefined)).toBe(true);
    expect(new Set(result.views.map((v) => v.sopInstanceUid))).toEqual(new Set(mammo.instances.map((i) => i.sopInstanceUID)));
  });

  it('runs the NYU density pack on the prior mammogram retrieved from Orthanc', async () => {
    const onnx = sharedFile(NYU_DENSITY_ONNX);
    if (!onnx || pacs.fixtures.source !== 'shared') return console.warn('[skip] NYU density needs ../shared/data');
    await container.services.models.importPack(await packFolder(nyuDensityManifest, new Uint8Array(await readFile(onnx))));
    const prior = pacs.fixtures.studies.find((s) => s.key === 'mammo-prior')!;
    await container.services.studies.retrieveStudy('orthanc', prior.studyInstanceUID);
    expect((await runToEnd(prior.studyInstanceUID, 'nyu-breast-density-histogram')).state).toBe('done');
    await signNegativeFirstRead(container, 'orthanc', prior.studyInstanceUID, 'mammo');
    const result = await container.services.inference.getResult(prior.studyInstanceUID, 'nyu-breast-density-histogram');
    expect(Math.abs(result!.study.scores.B! - 0.78304)).toBeLessThan(0.005);
  });
});
