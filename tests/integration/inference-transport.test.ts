import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startLoopbackServer, type LoopbackServer } from '../../electron/loopback/server';
import { LocalArchive } from '../../electron/services/archive/local-archive';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { signNegativeFirstRead } from '../support/blind-read';
import { probeGraph, probeManifest } from '../../electron/services/models/testing/probe-pack';
import { nodePlatform } from '../../electron/services/node-platform';
import { writePack } from '../../models/lib/write-pack';
import { DEFAULT_OUT_DIR, makeFixtures, type FixtureManifest } from '../../scripts/fixtures/make-fixtures';
import { createDispatch } from '../../shared/ipc/dispatch';

/** The models and inference services through the loopback transport the renderer uses. */
let server: LoopbackServer;
let container: ServiceContainer;
let fixtures: FixtureManifest;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tandem-ai-transport-'));
  fixtures = await makeFixtures({ outDir: process.env.TANDEM_FIXTURES_DIR ?? DEFAULT_OUT_DIR });
  const archive = new LocalArchive(path.join(work, 'archive'));
  for (const instance of fixtures.studies.find((s) => s.key === 'mammo-current')!.instances) await archive.storeInstance(await readFile(instance.path));
  await archive.close();
  await writeFile(path.join(work, 'index.html'), '<!doctype html><title>Tandem</title>');
  container = createServices({ ...nodePlatform(work, 'test'), builtInPacksDirectory: path.resolve('models/packs') });
  server = await startLoopbackServer({ dispatch: createDispatch(container.services), events: container.events, staticDir: work });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await container?.dispose();
});

function call(channel: string, args: unknown[]) {
  return fetch(`${server.origin}/ipc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` }, body: JSON.stringify(args) });
}

describe('models and inference over the loopback transport', () => {
  it('lists the built-in packs with their cards and serves a graph as bytes', async () => {
    const list = (await (await call('models.listPacks', [])).json()) as { ok: true; value: { manifest: { id: string; card: { clinicalStatus: string } } }[] };
    expect(list.value.map((p) => p.manifest.id).sort()).toEqual(['tandem-calcification-clusters', 'tandem-mass-like-densities', 'tandem-nodule-like-opacities']);
    expect(list.value.every((p) => p.manifest.card.clinicalStatus === 'not-for-clinical-use')).toBe(true);
    const res = await call('models.readPackFile', ['tandem-nodule-like-opacities', 'model.onnx']);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await res.arrayBuffer()).equals(await readFile('models/packs/tandem-nodule-like-opacities/model.onnx'))).toBe(true);
  });

  it('refuses a tampered pack with PACK_REFUSED and the reason', async () => {
    const dir = path.join(work, 'tampered');
    await writePack(dir, probeManifest(), { 'model.onnx': probeGraph() });
    await writeFile(path.join(dir, 'model.onnx'), probeGraph({ inputSize: 32 }));
    const body = (await (await call('models.importPack', [dir])).json()) as { ok: false; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('PACK_REFUSED');
    expect(body.error.message).toMatch(/model\.onnx does not match its SHA-256/);
  });

  it('pushes progress without scores, then serves the result', async () => {
    const study = fixtures.studies.find((s) => s.key === 'mammo-current')!;
    const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/events?token=${server.token}`, { origin: server.origin });
    await new Promise((resolve) => ws.on('open', resolve));
    const seen: { event: string; payload: Record<string, unknown> }[] = [];
    const done = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.event !== 'inferenceProgress') return;
        seen.push(message);
        if (['done', 'failed', 'cancelled'].includes(message.payload.state)) resolve();
      }),
    );
    const started = (await (await call('inference.start', [study.studyInstanceUID, 'tandem-mass-like-densities'])).json()) as { value: { jobId: string } };
    await done;
    ws.close();
    expect(seen.at(-1)?.payload).toMatchObject({ jobId: started.value.jobId, state: 'done', viewsDone: 4, viewsTotal: 4 });
    expect(JSON.stringify(seen)).not.toMatch(/scores|heatmap/);
    const sealed = (await (await call('inference.getResult', [study.studyInstanceUID, 'tandem-mass-like-densities'])).json()) as { ok: boolean; error?: { code: string } };
    expect(sealed, 'the renderer gets no AI result before the first read is signed').toMatchObject({ ok: false, error: { code: 'AI_SEALED' } });
    await signNegativeFirstRead(container, 'local', study.studyInstanceUID, 'mammo');
    const result = (await (await call('inference.getResult', [study.studyInstanceUID, 'tandem-mass-like-densities'])).json()) as { value: { views: unknown[]; backend: string } };
    expect(result.value.views).toHaveLength(4);
    expect(result.value.backend).toBe('node-cpu');
  });
});
