import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nyuDensityManifest, NYU_DENSITY_ONNX } from '../../../models/third-party/nyu-density';
import { sharedFile } from '../../../models/third-party/shared-data';
import { SQUEEZENET_ONNX, squeezenetPneumoniaManifest } from '../../../models/third-party/squeezenet-pneumonia';
import { writePack } from '../../../models/lib/write-pack';
import { fromBase64 } from '../../../shared/models/heatmap-grid';
import type { InferenceProgress } from '../../../shared/models/inference-progress';
import type { LocalArchive } from '../archive/local-archive';
import { EventHub } from '../event-hub';
import { OrtHost } from '../models/ort-host';
import { PackStore } from '../models/pack-store';
import { probeGraph, probeManifest } from '../models/testing/probe-pack';
import { InferenceService } from './inference-service';
import { ResultCache } from './result-cache';
import { archiveWithFixtures, fixtureStudy } from './testing/archive-with-fixtures';
import type { FixtureManifest } from '../../../scripts/fixtures/make-fixtures';
import { cpuMs } from '../models/testing/cpu-time';

let dataDir: string;
let archive: LocalArchive;
let fixtures: FixtureManifest;
let progress: InferenceProgress[];
/** The store and event hub of the service serviceWith built last. */
let lastStore: PackStore;
let lastEvents: EventHub;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-inference-'));
  ({ archive, fixtures } = await archiveWithFixtures(dataDir));
}, 120_000);

afterEach(() => {
  progress = [];
});

async function serviceWith(packs: { draft: Parameters<typeof writePack>[1]; model: Uint8Array }[], dir = dataDir, host?: OrtHost) {
  const events = new EventHub();
  progress = [];
  events.onDidEmit((name, payload) => {
    if (name === 'inferenceProgress') progress.push(payload as InferenceProgress);
  });
  const store = new PackStore({ root: path.join(dir, `models-${Math.random()}`), trustedKeys: () => [] });
  for (const p of packs) {
    const src = await mkdtemp(path.join(os.tmpdir(), 'tandem-pack-src-'));
    await writePack(src, p.draft, { 'model.onnx': p.model });
    await store.importPack(src);
  }
  lastStore = store;
  lastEvents = events;
  return new InferenceService({ store, archive, cache: new ResultCache(path.join(dir, 'ai-results')), events, host });
}

async function finished(service: InferenceService, jobId: string): Promise<InferenceProgress> {
  await service.idle();
  const last = progress.filter((p) => p.jobId === jobId).at(-1);
  if (!last) throw new Error('no progress for the job');
  return last;
}

describe('InferenceService with a probe pack (no shared data needed)', () => {
  it('runs on an archived chest study, caches the result per pack version, and reports progress without scores', async () => {
    const chest = fixtures.studies.find((s) => s.kind === 'chest')!;
    const service = await serviceWith([{ draft: probeManifest(), model: probeGraph() }]);
    const job = await service.start(chest.studyInstanceUID);
    expect(job).toMatchObject({ packId: 'probe-brightness', cached: false });
    expect((await finished(service, job.jobId)).state).toBe('done');
    for (const p of progress) expect(Object.keys(p).sort()).toEqual(expect.not.arrayContaining(['scores', 'result', 'views']));
    expect(progress.map((p) => p.state)).toEqual(expect.arrayContaining(['queued', 'running', 'done']));

    const result = (await service.getResult(chest.studyInstanceUID, 'probe-brightness'))!;
    expect(result.backend).toBe('node-cpu');
    expect(result.pack).toMatchObject({ id: 'probe-brightness', version: '1.0.0', notForClinicalUse: true });
    expect(result.views).toHaveLength(chest.instances.length);
    const view = result.views[0]!;
    expect(view.sopInstanceUid).toBe(chest.instances[0]!.sopInstanceUID);
    expect(view.scores.bright! + view.scores.dark!).toBeCloseTo(1, 5);
    expect(view.heatmap).toMatchObject({ source: 'output', label: 'bright' });
    expect(result.findings.map((f) => f.finding)).toEqual(['infiltrate-consolidation']);

    const again = await service.start(chest.studyInstanceUID, 'probe-brightness');
    expect(again.cached).toBe(true);
  });

  it('refuses an image the pack cannot read (wrong modality) with the reason', async () => {
    const mammo = fixtureStudy(fixtures, 'mammo-current')!;
    const service = await serviceWith([{ draft: probeManifest(), model: probeGraph() }]);
    await expect(service.start(mammo)).rejects.toMatchObject({ code: 'IMAGE_NOT_ACCEPTED', message: expect.stringMatching(/No installed model pack reads MG images/) });
    await expect(service.start('1.2.3.4.5', 'probe-brightness')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.start(mammo, 'no-such-pack')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const job = await service.start(mammo, 'probe-brightness');
    const last = await finished(service, job.jobId);
    expect(last.state).toBe('failed');
    expect(last.error).toEqual({ code: 'IMAGE_NOT_ACCEPTED', message: 'Probe (brightness) reads DX/CR images; this image is MG.' });
    expect(await service.getResult(mammo, 'probe-brightness')).toBeNull();
  });

  it('at the reveal, reads a study that has no result yet, and says why when the AI cannot', async () => {
    const chest = fixtures.studies.find((s) => s.kind === 'chest')!;
    const mammo = fixtures.studies.find((s) => s.key === 'mammo-current')!.studyInstanceUID;
    const service = await serviceWith([{ draft: probeManifest(), model: probeGraph() }], await mkdtemp(path.join(os.tmpdir(), 'tandem-reveal-')));
    const result = await service.resultForReveal(chest.studyInstanceUID);
    expect(result?.views).toHaveLength(chest.instances.length);
    // No installed pack reads mammograms: nothing to reveal, which the reading service explains.
    expect(await service.resultForReveal(mammo)).toBeUndefined();
    // A pack whose weights were damaged on disk after install: the reader is told why.
    const broken = await serviceWith([{ draft: { ...probeManifest(), id: 'probe-damaged' }, model: probeGraph() }], await mkdtemp(path.join(os.tmpdir(), 'tandem-reveal-')));
    const installed = await lastStore.get('probe-damaged');
    await writeFile(path.join(installed.dir, 'model.onnx'), new Uint8Array([1, 2, 3]));
    await expect(broken.resultForReveal(chest.studyInstanceUID)).rejects.toThrow(/The AI could not read this study: .*changed on disk after it was verified; import the pack again/);
  });

  it('keeps results sealed while the reveal policy says so', async () => {
    const chest = fixtures.studies.find((s) => s.kind === 'chest')!;
    const service = await serviceWith([{ draft: probeManifest(), model: probeGraph() }]);
    await finished(service, (await service.start(chest.studyInstanceUID, 'probe-brightness')).jobId);
    let signed = false;
    service.setRevealPolicy(async (uid) => uid !== chest.studyInstanceUID || signed);
    await expect(service.getResult(chest.studyInstanceUID)).rejects.toMatchObject({ code: 'AI_SEALED' });
    signed = true;
    expect((await service.getResult(chest.studyInstanceUID))?.pack.id).toBe('probe-brightness');
  });

  it('stores results computed in the renderer only for the installed pack version', async () => {
    const chest = fixtures.studies.find((s) => s.kind === 'chest')!;
    const service = await serviceWith([{ draft: probeManifest(), model: probeGraph() }]);
    await finished(service, (await service.start(chest.studyInstanceUID, 'probe-brightness')).jobId);
    const result = (await service.getResult(chest.studyInstanceUID, 'probe-brightness'))!;
    await expect(service.storeResult({ ...result, pack: { ...result.pack, version: '0.9.0' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await service.storeResult({ ...result, backend: 'webgpu', durationMs: 12 });
    expect((await service.getResult(chest.studyInstanceUID, 'probe-brightness'))?.backend).toBe('webgpu');
  });

  it('cancels a queued job: it never runs and nothing is cached', async () => {
    const chest = fixtures.studies.filter((s) => s.kind === 'chest');
    const service = await serviceWith([{ draft: probeManifest(), model: probeGraph() }], await mkdtemp(path.join(os.tmpdir(), 'tandem-cancel-')));
    await service.start(chest[0]!.studyInstanceUID, 'probe-brightness');
    const second = await service.start(chest[1]!.studyInstanceUID, 'probe-brightness');
    await service.cancel(second.jobId);
    expect((await finished(service, second.jobId)).state).toBe('cancelled');
    await service.cancel(second.jobId);
    expect(progress.filter((p) => p.jobId === second.jobId && p.state === 'cancelled')).toHaveLength(1);
    expect(await service.getResult(chest[1]!.studyInstanceUID, 'probe-brightness')).toBeNull();
  });

  it('reads a study in the inference process: the same result as in this process, progress per view, little CPU spent here', async () => {
    const mammo = fixtureStudy(fixtures, 'mammo-current')!;
    const calc = path.resolve('models/packs/tandem-calcification-clusters');
    const local = await serviceWith([], await mkdtemp(path.join(os.tmpdir(), 'tandem-local-')));
    await lastStore.importPack(calc);
    const inThisProcess = await cpuMs(async () => {
      await local.start(mammo, 'tandem-calcification-clusters');
      await local.idle();
    });
    const expected = (await local.getResult(mammo, 'tandem-calcification-clusters'))!;

    const host = new OrtHost();
    try {
      const remote = await serviceWith([], await mkdtemp(path.join(os.tmpdir(), 'tandem-remote-')), host);
      await lastStore.importPack(calc);
      // The prior first, to start the process and open the model; then the current, timed.
      await remote.start(fixtureStudy(fixtures, 'mammo-prior')!, 'tandem-calcification-clusters');
      await remote.idle();
      const job = { id: '' };
      const inTheProcess = await cpuMs(async () => {
        job.id = (await remote.start(mammo, 'tandem-calcification-clusters')).jobId;
        await remote.idle();
      });
      const result = (await remote.getResult(mammo, 'tandem-calcification-clusters'))!;
      expect(result.views.map((v) => v.scores)).toEqual(expected.views.map((v) => v.scores));
      expect(result.study).toEqual(expected.study);
      expect(progress.filter((p) => p.jobId === job.id).map((p) => p.viewsDone)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
      // Decoding, the pixel pipeline and the forward passes no longer cost this process CPU.
      expect(inTheProcess, `CPU here: ${inThisProcess.toFixed(0)} ms reading in this process, ${inTheProcess.toFixed(0)} ms with the inference process`).toBeLessThan(inThisProcess / 3);
    } finally {
      await host.dispose();
    }
  });

  it('fails a job whose inference process dies with the reason, and the next job reads the study', async () => {
    const mammo = fixtureStudy(fixtures, 'mammo-current')!;
    const host = new OrtHost();
    try {
      const service = await serviceWith([], await mkdtemp(path.join(os.tmpdir(), 'tandem-crash-')), host);
      await lastStore.importPack(path.resolve('models/packs/tandem-calcification-clusters'));
      const job = await service.start(mammo, 'tandem-calcification-clusters');
      const off = lastEvents.onDidEmit((name, payload) => {
        const p = payload as InferenceProgress;
        // A native fault in onnxruntime half-way through the study.
        if (name === 'inferenceProgress' && p.jobId === job.jobId && p.viewsDone === 1 && host.pid) process.kill(host.pid, 'SIGKILL');
      });
      const last = await finished(service, job.jobId);
      off();
      expect(last.state).toBe('failed');
      expect(last.error?.message).toMatch(/inference process stopped unexpectedly/);
      expect(await service.getResult(mammo, 'tandem-calcification-clusters')).toBeNull();

      const again = await service.start(mammo, 'tandem-calcification-clusters');
      expect((await finished(service, again.jobId)).state).toBe('done');
      expect((await service.getResult(mammo, 'tandem-calcification-clusters'))?.views).toHaveLength(4);
    } finally {
      await host.dispose();
    }
  });

  it.each([
    ['in this process', false],
    ['in the inference process', true],
  ])('cancels a running job between views (%s): it stops early and caches nothing', async (_where, withHost) => {
    const mammo = fixtureStudy(fixtures, 'mammo-current')!;
    const calc = path.resolve('models/packs/tandem-calcification-clusters');
    const host = withHost ? new OrtHost() : undefined;
    try {
      const service = await serviceWith([], await mkdtemp(path.join(os.tmpdir(), 'tandem-cancel-run-')), host);
      await lastStore.importPack(calc);
      const job = await service.start(mammo, 'tandem-calcification-clusters');
      const off = lastEvents.onDidEmit((name, payload) => {
        const p = payload as InferenceProgress;
        if (name === 'inferenceProgress' && p.jobId === job.jobId && p.viewsDone === 1) void service.cancel(job.jobId);
      });
      const last = await finished(service, job.jobId);
      off();
      expect(last).toMatchObject({ state: 'cancelled', viewsTotal: 4 });
      // The inference process hears of the cancel a message later: at most one more view.
      expect(last.viewsDone).toBeLessThanOrEqual(withHost ? 2 : 1);
      expect(await service.getResult(mammo, 'tandem-calcification-clusters')).toBeNull();
    } finally {
      await host?.dispose();
    }
  });

  it('calibrates the native backend on the pack', async () => {
    const service = await serviceWith([{ draft: probeManifest(), model: probeGraph() }]);
    const cal = await service.calibrateNode('probe-brightness');
    expect(cal.msPerView).toBeGreaterThan(0);
    expect(cal.runs).toBe(5);
    expect(cal.samples).toHaveLength(5);
    const turn = await service.calibrateNode('probe-brightness', { runs: 3, warmUp: false });
    expect(turn.samples).toHaveLength(3);
  });
});

const nyuOnnx = sharedFile(NYU_DENSITY_ONNX);
const squeezeOnnx = sharedFile(SQUEEZENET_ONNX);

describe.skipIf(!nyuOnnx || !squeezeOnnx)('third-party packs on archived DICOM studies (../shared)', () => {
  it('NYU density reproduces the published output from the MG DICOMs (right views stored mirrored)', async () => {
    if (fixtures.source !== 'shared') return console.warn('[skip] the fixture set is synthetic');
    const service = await serviceWith([{ draft: nyuDensityManifest, model: new Uint8Array(await readFile(nyuOnnx!)) }]);
    const study = fixtureStudy(fixtures, 'mammo-prior')!;
    const job = await service.start(study);
    expect(job.packId).toBe('nyu-breast-density-histogram');
    expect(await finished(service, job.jobId)).toMatchObject({ state: 'done', viewsDone: 4, viewsTotal: 4 });
    const result = (await service.getResult(study))!;
    const published = { A: 0.0819444, B: 0.78304, C: 0.133503, D: 0.00151265 };
    for (const [k, v] of Object.entries(published)) expect(Math.abs(result.study.scores[k]! - v)).toBeLessThan(0.005);
    expect(result.views.map((v) => `${v.laterality}-${v.view}`)).toEqual(['L-CC', 'R-CC', 'L-MLO', 'R-MLO']);
  });

  it('NYU density refuses a chest study: it needs the four mammography views', async () => {
    const service = await serviceWith([{ draft: nyuDensityManifest, model: new Uint8Array(await readFile(nyuOnnx!)) }]);
    const chest = fixtures.studies.find((s) => s.kind === 'chest')!;
    const job = await service.start(chest.studyInstanceUID, 'nyu-breast-density-histogram');
    expect((await finished(service, job.jobId)).error?.message).toMatch(/reads MG images/);
  });

  it('SqueezeNet pneumonia scores every chest DICOM (uncompressed, JPEG, JPEG 2000 MONOCHROME1) with an occlusion heatmap', async () => {
    const service = await serviceWith([{ draft: squeezenetPneumoniaManifest, model: new Uint8Array(await readFile(squeezeOnnx!)) }]);
    const chests = fixtures.studies.filter((s) => s.kind === 'chest');
    expect(chests.length).toBeGreaterThan(0);
    for (const chest of chests) {
      const job = await service.start(chest.studyInstanceUID, 'cxr-pneumonia-squeezenet1_1');
      const last = await finished(service, job.jobId);
      expect(last.state, `${chest.key}: ${last.error?.message}`).toBe('done');
      const result = (await service.getResult(chest.studyInstanceUID, 'cxr-pneumonia-squeezenet1_1'))!;
      const view = result.views[0]!;
      const sum = view.scores.bacterial! + view.scores.normal! + view.scores.viral!;
      expect(sum).toBeCloseTo(1, 5);
      const cells = fromBase64(view.heatmap!.data);
      expect(view.heatmap).toMatchObject({ source: 'occlusion' });
      expect(cells.length).toBe(view.heatmap!.width * view.heatmap!.height);
      expect(Math.max(...cells)).toBe(255);
      console.log(`${chest.key}: ${Object.entries(view.scores).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}`);
    }
  });
});
