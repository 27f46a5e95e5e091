import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type ServiceContainer } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { nodeHttpTransport, type HttpTransport } from '../../electron/services/outbox/http-exchange';
import { OutboxService } from '../../electron/services/outbox/outbox-service';
import { PacsProfile } from '../../shared/domain/pacs-profile';
import type { OutboxItem } from '../../shared/domain/outbox';
import { authHeaders, startOrthanc, type OrthancHandle, type OrthancOptions } from '../../scripts/orthanc/orthanc';
import { heatmapLikeObject, srLikeObject, testUids, type TestObjectUids } from '../support/outbox-objects';
import { tempDataDir } from '../support/pacs-fixture';

/**
 * The outbox against a real Orthanc 1.10 with authentication and a Lua ReceivedInstanceFilter
 * that discards instances whose SeriesDescription is TANDEM-REFUSE and stalls 1.5 s on
 * TANDEM-SLOW (so Orthanc can be killed in the middle of a STOW-RS request, deterministically).
 */
const auth = { username: 'reader', password: 'correct-horse' };
let orthanc: OrthancHandle;
let orthancOptions: OrthancOptions;
let container: ServiceContainer;
let runTag: string;

const FILTER = `function ReceivedInstanceFilter(dicom, origin, info)
  if dicom.SeriesDescription == 'TANDEM-REFUSE' then return false end
  if dicom.SeriesDescription == 'TANDEM-SLOW' then
    local until_ = os.clock() + 1.5
    while os.clock() < until_ do end
  end
  return true
end
`;

beforeAll(async () => {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-orthanc-outbox-'));
  await writeFile(path.join(workDir, 'filter.lua'), FILTER);
  orthancOptions = { workDir, auth, extraConfig: { LuaScripts: [path.join(workDir, 'filter.lua')] } };
  orthanc = await startOrthanc(orthancOptions);
  container = createServices(nodePlatform(await tempDataDir(), 'test'));
  runTag = String(Date.now());
});

afterAll(async () => {
  await container?.dispose();
  await orthanc?.stop();
});

let killed: Promise<void> = Promise.resolve();

/** Kills Orthanc at once, as a power cut would. */
function killOrthanc(): Promise<void> {
  process.kill(orthanc.pid, 'SIGKILL');
  killed = orthanc.stop();
  return killed;
}

/** Starts Orthanc again on the same folder and port, so the profile's URL stays valid. */
async function restartOrthanc(): Promise<void> {
  await killed;
  orthanc = await startOrthanc({ ...orthancOptions, httpPort: orthanc.httpPort });
}

/** How many instances with this SOP Instance UID the PACS holds, by QIDO-RS. */
async function copiesInPacs(sopInstanceUID: string): Promise<number> {
  const response = await fetch(`${orthanc.dicomwebRoot}/instances?SOPInstanceUID=${sopInstanceUID}`, { headers: { Accept: 'application/dicom+json', ...authHeaders(auth) } });
  return response.status === 204 ? 0 : ((await response.json()) as unknown[]).length;
}

async function expectEachStoredOnce(uids: TestObjectUids[]): Promise<void> {
  expect(await Promise.all(uids.map((u) => copiesInPacs(u.sopInstanceUID)))).toEqual(uids.map(() => 1));
}

function itemOf(tag: string, objects: (uids: TestObjectUids[]) => Uint8Array[], count = 2) {
  const uids = testUids(`${runTag}-${tag}`, count);
  return { uids, request: { kind: 'report-sr' as const, profileId: 'orthanc', studyInstanceUID: uids[0]!.studyInstanceUID, description: `outbox test ${tag}`, instances: objects(uids) } };
}

/** Resolves with the item once `predicate` holds, re-checking on every outboxChanged event. */
function until(outbox: OutboxService, subscribe: (wake: () => void) => () => void, id: string, predicate: (item: OutboxItem) => boolean): Promise<OutboxItem> {
  return new Promise((resolve, reject) => {
    let last: OutboxItem | undefined;
    const timeout = setTimeout(() => {
      stop();
      reject(new Error(`outbox item never reached the expected state; last: ${JSON.stringify(last)}`));
    }, 30_000);
    const check = () =>
      void outbox.list().then((items) => {
        last = items.find((i) => i.id === id);
        if (!last || !predicate(last)) return;
        clearTimeout(timeout);
        stop();
        resolve(last);
      });
    const stop = subscribe(check);
    check();
  });
}

describe('outbox wired in the app, against Orthanc', () => {
  let outbox: OutboxService;
  const onChange = (wake: () => void) => container.events.onDidEmit((name) => name === 'outboxChanged' && wake());
  const saveProfile = (secret: string) =>
    container.services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: orthanc.dicomwebRoot, wadoUrl: orthanc.dicomwebRoot, stowUrl: orthanc.dicomwebRoot, auth: 'basic', username: auth.username, secret, timeoutMs: 10_000 });

  beforeAll(() => {
    const service = container.services.outbox;
    if (!(service instanceof OutboxService)) throw new Error('compose.ts no longer wires OutboxService');
    outbox = service;
  });

  it('drains two items, each instance stored exactly once', async () => {
    await saveProfile(auth.password);
    const report = itemOf('report', (uids) => uids.map((u) => srLikeObject(u)));
    const heatmaps = itemOf('heatmaps', (uids) => uids.map((u, i) => heatmapLikeObject(u, 64 * 1024, `heatmap-${i}`)));
    const items = [await outbox.enqueue(report.request), await outbox.enqueue({ ...heatmaps.request, kind: 'heatmap' })];
    for (const item of items) await until(outbox, onChange, item.id, (i) => i.status === 'sent');
    await expectEachStoredOnce([...report.uids, ...heatmaps.uids]);
  });

  it('stops on a wrong password with a message to fix the credentials, and sends after "Retry now"', async () => {
    await saveProfile('wrong');
    const { uids, request } = itemOf('auth', (u) => u.map((x) => srLikeObject(x)), 1);
    const item = await outbox.enqueue(request);
    const failed = await until(outbox, onChange, item.id, (i) => i.status === 'failed');
    expect(failed.lastError).toMatch(/refused the credentials \(401\)\. Check the user name and password.*Retry now/);
    await saveProfile(auth.password);
    await outbox.retryNow(item.id);
    await until(outbox, onChange, item.id, (i) => i.status === 'sent');
    await expectEachStoredOnce(uids);
  });
});

describe('outbox while Orthanc goes down and comes back', () => {
  const posts: number[] = [];
  const listeners = new Set<() => void>();
  let outbox: OutboxService;
  let duringNextPost: (() => void) | undefined;
  const onChange = (wake: () => void) => (listeners.add(wake), () => listeners.delete(wake));

  /** The real transport, counting the instances of each STOW-RS request. */
  const countingTransport: HttpTransport = (request) => {
    if (request.method === 'POST') {
      posts.push(Buffer.from(request.body ?? []).toString('latin1').split('Content-Type: application/dicom\r\n').length - 1);
      duringNextPost?.();
      duringNextPost = undefined;
    }
    return nodeHttpTransport(request);
  };

  beforeAll(async () => {
    outbox = new OutboxService({
      root: path.join(await tempDataDir(), 'outbox'),
      profiles: {
        connection: async () => ({
          profile: PacsProfile.parse({ id: 'orthanc', name: 'Orthanc', qidoUrl: orthanc.dicomwebRoot, wadoUrl: orthanc.dicomwebRoot, stowUrl: orthanc.dicomwebRoot, auth: 'basic', username: auth.username, timeoutMs: 10_000 }),
          secret: auth.password,
        }),
      },
      events: { emit: () => listeners.forEach((wake) => wake()) },
      transport: countingTransport,
      // Long enough that "Retry now", not the timer, is what sends once Orthanc is back.
      retryPolicy: { baseDelayMs: 120_000, maxDelayMs: 120_000 },
    });
    outbox.start();
  });

  afterAll(() => outbox?.dispose());

  it('keeps items queued with a clear error while Orthanc is stopped, and drains on "Retry now" after it restarts', async () => {
    await killOrthanc();
    const { uids, request } = itemOf('down', (u) => u.map((x) => srLikeObject(x)));
    const item = await outbox.enqueue(request);
    const waiting = await until(outbox, onChange, item.id, (i) => i.lastError !== undefined);
    expect(waiting).toMatchObject({ status: 'queued', nextAttemptAt: expect.any(String) });
    expect(waiting.lastError).toMatch(/Cannot reach 127\.0\.0\.1:\d+ \(the connection was refused.*\)\..*sent automatically later/);

    await restartOrthanc();
    await outbox.retryNow();
    await until(outbox, onChange, item.id, (i) => i.status === 'sent');
    await expectEachStoredOnce(uids);
  });

  it('after Orthanc dies in the middle of a STOW-RS request, re-sends only what it had not stored', async () => {
    posts.length = 0;
    const { uids, request } = itemOf('mid-stow', ([first, second]) => [srLikeObject(first!), srLikeObject(second!, { SeriesDescription: 'TANDEM-SLOW' })]);
    // Orthanc stores the first instance, then stalls in its filter on the second: kill it there.
    duringNextPost = () => setTimeout(() => void killOrthanc(), 500);
    const item = await outbox.enqueue(request);
    const waiting = await until(outbox, onChange, item.id, (i) => i.lastError !== undefined);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/Cannot reach|broke off/) });

    await restartOrthanc();
    expect(await copiesInPacs(uids[0]!.sopInstanceUID)).toBe(1);
    await outbox.retryNow(item.id);
    const sent = await until(outbox, onChange, item.id, (i) => i.status === 'sent');
    expect(posts).toEqual([2, 1]);
    expect(sent.instances[0]?.message).toMatch(/Already in the PACS/);
    await expectEachStoredOnce(uids);
  });

  it('reports per instance what Orthanc could not read and what its filter discarded', async () => {
    const { uids, request } = itemOf(
      'partial',
      ([good, refused, broken]) => {
        const corrupt = heatmapLikeObject(broken!, 4096, 'corrupt');
        return [srLikeObject(good!), srLikeObject(refused!, { SeriesDescription: 'TANDEM-REFUSE' }), corrupt.subarray(0, corrupt.length - 1000)];
      },
      3,
    );
    const item = await outbox.enqueue(request);
    const partial = await until(outbox, onChange, item.id, (i) => i.status === 'partially-failed');
    expect(partial.instances.map((i) => i.status)).toEqual(['stored', 'failed', 'failed']);
    expect(partial.instances[1]?.message).toMatch(/acknowledged this instance but does not hold it/);
    expect(partial.instances[2]?.message).toMatch(/could not read this instance \(HTTP 400\)/);
    expect(partial.lastError).toMatch(/2 of 3 instances were not stored/);
    expect(await Promise.all(uids.map((u) => copiesInPacs(u.sopInstanceUID)))).toEqual([1, 0, 0]);
  });
});
