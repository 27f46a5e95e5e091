import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetrieveProgress } from '../../shared/domain/study';
import { LocalArchive } from '../../electron/services/archive/local-archive';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { EventHub } from '../../electron/services/event-hub';
import { nodePlatform } from '../../electron/services/node-platform';
import { RetrievalQueue } from '../../electron/services/studies/retrieval-queue';
import { startOrthanc, type OrthancHandle } from '../../scripts/orthanc/orthanc';
import { startPacsWithFixtures, tempDataDir, type PacsFixture } from '../support/pacs-fixture';

/** Retrieval against a real Orthanc: priors, cancel and resume, a PACS that dies mid-way, status. */
let pacs: PacsFixture;
let orthanc: OrthancHandle;
let dataDir: string;
let container: ServiceContainer;

const study = (key: string) => pacs.fixtures.studies.find((s) => s.key === key)!;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  return out;
}

beforeAll(async () => {
  pacs = await startPacsWithFixtures();
  orthanc = pacs.orthanc;
  dataDir = await tempDataDir();
  container = createServices(nodePlatform(dataDir, 'test'));
  const url = orthanc.dicomwebRoot;
  await container.services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 5000 });
});

afterAll(async () => {
  container?.reachability.dispose();
  await orthanc?.stop();
});

describe('retrieval queue', () => {
  it('brings the patient’s most recent prior mammography study along with the current one', async () => {
    const current = study('mammo-current');
    const prior = study('mammo-prior');
    const priorDone = new Promise<void>((resolve) =>
      container.events.onDidEmit((name, p) => {
        const progress = p as RetrieveProgress;
        if (name === 'retrieveProgress' && progress.studyInstanceUID === prior.studyInstanceUID && progress.total > 0 && progress.completed === progress.total) resolve();
      }),
    );
    await container.services.studies.retrieveStudy('orthanc', current.studyInstanceUID);
    await priorDone;
    const local = await container.services.worklist.searchForStudies('local', { patientID: current.patientID });
    expect(local.studies.map((s) => s.studyInstanceUID).sort()).toEqual([current.studyInstanceUID, prior.studyInstanceUID].sort());
  });

  it('marks each worklist row with its local status', async () => {
    const rows = await container.services.worklist.searchForStudies('orthanc', {});
    const status = Object.fromEntries(rows.studies.map((s) => [s.studyInstanceUID, s.localStatus]));
    expect(status[study('mammo-current').studyInstanceUID]).toBe('cached');
    expect(status[study('mammo-prior').studyInstanceUID]).toBe('cached');
    const chest = pacs.fixtures.studies.find((s) => s.kind === 'chest')!;
    expect(status[chest.studyInstanceUID]).toBe('not-fetched');
  });

  it('cancels a retrieval, keeps what it fetched, and resumes without fetching it again', async () => {
    const dir = await tempDataDir('tandem-cancel-');
    const events = new EventHub();
    const local = createServices(nodePlatform(dir, 'test'));
    const url = orthanc.dicomwebRoot;
    await local.services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 5000 });
    const archive = new LocalArchive(path.join(dir, 'archive'));
    const queue = new RetrievalQueue(archive, (local.services.pacs as never), events, 1);
    const target = study('mammo-prior');
    events.onDidEmit((name, p) => {
      if (name === 'retrieveProgress' && (p as RetrieveProgress).completed === 1) queue.cancel('orthanc', target.studyInstanceUID);
    });
    await expect(queue.retrieve('orthanc', target.studyInstanceUID, { withPrior: false })).rejects.toMatchObject({ code: 'CANCELLED' });
    const kept = await archive.countInstances(target.studyInstanceUID);
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(target.instances.length);
    const before = await Promise.all((await filesUnder(path.join(dir, 'archive', target.studyInstanceUID))).filter((f) => f.endsWith('.dcm')).map(async (f) => [f, (await stat(f)).mtimeMs] as const));

    await new RetrievalQueue(archive, (local.services.pacs as never), new EventHub(), 1).retrieve('orthanc', target.studyInstanceUID, { withPrior: false });
    expect(await archive.countInstances(target.studyInstanceUID)).toBe(target.instances.length);
    for (const [file, mtime] of before) expect((await stat(file)).mtimeMs, 'an instance already archived is not fetched again').toBe(mtime);
  });
});

describe('a PACS that dies mid-retrieval', () => {
  it('leaves no partial instance in the archive, reports offline, and resumes once it is back', async () => {
    const dir = await tempDataDir('tandem-die-');
    const local = createServices(nodePlatform(dir, 'test'));
    const url = orthanc.dicomwebRoot;
    await local.services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 3000 });
    const mammo = study('mammo-current');
    const detach = local.events.onDidEmit((name, p) => {
      if (name !== 'retrieveProgress' || (p as RetrieveProgress).total === 0) return;
      detach();
      process.kill(orthanc.pid, 'SIGKILL');
    });
    await expect(local.services.studies.retrieveStudy('orthanc', mammo.studyInstanceUID)).rejects.toMatchObject({ code: expect.stringMatching(/PACS_UNREACHABLE|PACS_TIMEOUT/) });
    const files = await filesUnder(path.join(dir, 'archive'));
    expect(files.filter((f) => f.includes('.tmp')), 'no temporary file is left behind').toEqual([]);
    const archived = await local.services.worklist.searchForStudies('local', {});
    for (const s of archived.studies) {
      const opened = await local.services.studies.retrieveStudy('local', s.studyInstanceUID);
      for (const series of opened.series) for (const i of series.instances) {
        const bytes = await local.services.studies.readInstance({ studyInstanceUID: s.studyInstanceUID, seriesInstanceUID: series.seriesInstanceUID, sopInstanceUID: i.sopInstanceUID });
        expect(Buffer.from(bytes.subarray(128, 132)).toString()).toBe('DICM');
      }
    }
    await expect(local.services.worklist.searchForStudies('orthanc', {})).rejects.toMatchObject({ code: 'PACS_UNREACHABLE' });
    expect(await local.services.pacs.getReachability()).toEqual([expect.objectContaining({ profileId: 'orthanc', state: 'offline' })]);

    orthanc = await startOrthanc({ workDir: orthanc.workDir, httpPort: orthanc.httpPort });
    const resumed = await local.services.studies.retrieveStudy('orthanc', mammo.studyInstanceUID);
    expect(resumed.series.flatMap((s) => s.instances)).toHaveLength(mammo.instances.length);
    await local.services.worklist.searchForStudies('orthanc', {});
    expect(await local.services.pacs.getReachability()).toEqual([expect.objectContaining({ state: 'online' })]);
  });
});

describe('make available offline', () => {
  it('fetches the chosen studies in the background, one by one, and skips what is cached', async () => {
    const dir = await tempDataDir('tandem-offline-');
    const local = createServices(nodePlatform(dir, 'test'));
    local.reachability.dispose();
    const url = orthanc.dicomwebRoot;
    await local.services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: url, wadoUrl: url, stowUrl: url, auth: 'none', timeoutMs: 5000 });
    const chest = pacs.fixtures.studies.filter((s) => s.kind === 'chest');
    await local.services.studies.retrieveStudy('orthanc', chest[0]!.studyInstanceUID);
    const result = await local.services.studies.makeAvailableOffline('orthanc', chest.map((s) => s.studyInstanceUID));
    expect(result).toEqual({ queued: chest.length - 1, alreadyCached: 1 });
    await expect.poll(async () => (await local.services.worklist.searchForStudies('local', {})).studies.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(chest.length);
    const rows = await local.services.worklist.searchForStudies('orthanc', { modality: undefined });
    for (const s of chest) expect(rows.studies.find((r) => r.studyInstanceUID === s.studyInstanceUID)?.localStatus).toBe('cached');
    await local.dispose();
  });
});
