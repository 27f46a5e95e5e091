import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakePacs } from '../../../tests/support/fake-stow-pacs';
import { srLikeObject, testUids, type TestObjectUids } from '../../../tests/support/outbox-objects';
import type { OutboxItem } from '../../../shared/domain/outbox';
import { PacsProfile } from '../../../shared/domain/pacs-profile';
import { ServiceError } from '../../../shared/ipc/errors';
import type { HttpTransport } from './http-exchange';
import { OutboxService } from './outbox-service';

const profile = PacsProfile.parse({ id: 'pacs', name: 'PACS', qidoUrl: 'http://pacs.test/dicom-web', wadoUrl: 'http://pacs.test/dicom-web', stowUrl: 'http://pacs.test/dicom-web/', auth: 'basic', username: 'reader', timeoutMs: 5000 });
const running: OutboxService[] = [];

interface Harness {
  outbox: OutboxService;
  root: string;
  emitted: OutboxItem[][];
  /** Resolves with the list once `predicate` holds for it (checked on every outboxChanged event). */
  until(predicate: (items: OutboxItem[]) => boolean): Promise<OutboxItem[]>;
}

async function harness(transport: HttpTransport, options: { root?: string; start?: boolean } = {}): Promise<Harness> {
  const root = options.root ?? (await mkdtemp(path.join(os.tmpdir(), 'tandem-outbox-')));
  const emitted: OutboxItem[][] = [];
  const waiters = new Set<() => void>();
  const outbox = new OutboxService({
    root,
    profiles: {
      connection: async (id) => {
        if (id !== profile.id) throw new ServiceError('NOT_CONFIGURED', `No PACS profile "${id}". Add it under Settings → PACS.`);
        return { profile, secret: 'secret' };
      },
    },
    events: {
      emit: (_name, payload) => {
        emitted.push(payload as OutboxItem[]);
        for (const wake of waiters) wake();
      },
    },
    transport,
    retryPolicy: { baseDelayMs: 20, maxDelayMs: 40 },
    random: () => 0.5,
  });
  running.push(outbox);
  if (options.start !== false) outbox.start();
  const until = (predicate: (items: OutboxItem[]) => boolean) =>
    new Promise<OutboxItem[]>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`outbox never reached the expected state: ${JSON.stringify(emitted.at(-1))}`)), 5000);
      const check = () =>
        void outbox.list().then((items) => {
          if (!predicate(items)) return;
          clearTimeout(timeout);
          waiters.delete(check);
          resolve(items);
        });
      waiters.add(check);
      check();
    });
  return { outbox, root, emitted, until };
}

function request(tag: string, count = 2, objects?: (uids: TestObjectUids[]) => Uint8Array[]) {
  const uids = testUids(tag, count);
  return { uids, request: { kind: 'report-sr' as const, profileId: 'pacs', studyInstanceUID: uids[0]!.studyInstanceUID, description: 'Double-reading report', instances: objects ? objects(uids) : uids.map((u) => srLikeObject(u)) } };
}

const statusOf = (id: string, status: OutboxItem['status']) => (items: OutboxItem[]) => items.find((i) => i.id === id)?.status === status;

afterEach(async () => {
  await Promise.all(running.splice(0).map((o) => o.dispose()));
});

describe('enqueue', () => {
  it('refuses objects no PACS would take, and leaves nothing behind', async () => {
    const { outbox, root } = await harness(new FakePacs().transport, { start: false });
    const { uids, request: good } = request('refuse');
    await expect(outbox.enqueue({ ...good, instances: [new Uint8Array(200)] })).rejects.toMatchObject({ code: 'DICOM_INVALID', message: expect.stringMatching(/instance 1 of 1.*Part 10/) });
    await expect(outbox.enqueue({ ...good, instances: [srLikeObject(uids[0]!, { SeriesInstanceUID: '1.2/../../3' })] })).rejects.toMatchObject({ code: 'DICOM_INVALID', message: expect.stringMatching(/not a valid UID/) });
    await expect(outbox.enqueue({ ...good, studyInstanceUID: '1.2.3' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/another study/) });
    await expect(outbox.enqueue({ ...good, instances: [srLikeObject(uids[0]!), srLikeObject(uids[0]!)] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/repeats/) });
    await outbox.list();
    expect(await readdir(path.join(root, 'items'))).toEqual([]);
    expect(await readdir(path.join(root, 'files'))).toEqual([]);
  });

  it('resolves with the queued item once its record and files are on disk', async () => {
    const { outbox, root } = await harness(new FakePacs().transport, { start: false });
    const { request: req } = request('durable');
    const item = await outbox.enqueue(req);
    expect(item).toMatchObject({ status: 'queued', attempts: 0, instances: [{ status: 'pending' }, { status: 'pending' }] });
    const record = JSON.parse(await readFile(path.join(root, 'items', `${item.id}.json`), 'utf8'));
    expect(record).toMatchObject({ id: item.id, status: 'queued' });
    expect(Buffer.from(await readFile(path.join(root, 'files', item.id, '1.dcm'))).equals(Buffer.from(req.instances[1]!))).toBe(true);
    expect(await outbox.list()).toEqual([item]);
  });
});

describe('delivery', () => {
  it('sends one study per STOW-RS request with the profile credentials, then keeps only the history', async () => {
    const pacs = new FakePacs();
    const { outbox, root, until, emitted } = await harness(pacs.transport);
    const { uids, request: req } = request('drain');
    const item = await outbox.enqueue(req);
    const [sent] = await until(statusOf(item.id, 'sent'));
    expect(sent?.instances.map((i) => i.status)).toEqual(['stored', 'stored']);
    expect(pacs.posts).toEqual([uids.map((u) => u.sopInstanceUID)]);
    const post = pacs.requests.find((r) => r.method === 'POST')!;
    expect(post.url).toBe(`http://pacs.test/dicom-web/studies/${uids[0]!.studyInstanceUID}`);
    expect(post.headers).toMatchObject({ 'Content-Type': expect.stringMatching(/^multipart\/related; type="application\/dicom"; boundary=/), Accept: 'application/dicom+json', Authorization: `Basic ${Buffer.from('reader:secret').toString('base64')}` });
    expect(await readdir(path.join(root, 'files'))).toEqual([]);
    expect(emitted.at(-1)?.[0]?.status).toBe('sent');
  });

  it('after an answer was lost, asks the PACS what it holds and does not send it again', async () => {
    const pacs = new FakePacs();
    pacs.behaviour = { duplicates: 'conflict', loseNextAnswer: true };
    const { outbox, until } = await harness(pacs.transport);
    const item = await outbox.enqueue(request('lost-answer').request);
    const [sent] = await until(statusOf(item.id, 'sent'));
    expect(pacs.posts).toHaveLength(1);
    expect([...pacs.held.values()].map((h) => h.copies)).toEqual([1, 1]);
    expect(sent).toMatchObject({ attempts: 1, instances: [{ message: expect.stringMatching(/Already in the PACS/) }, { status: 'stored' }] });
  });

  it('after a crash while sending, sends only what the PACS does not hold yet', async () => {
    const pacs = new FakePacs();
    const first = await harness(pacs.transport, { start: false });
    const { uids, request: req } = request('crash-sending');
    const item = await first.outbox.enqueue(req);
    await first.outbox.dispose();
    const recordPath = path.join(first.root, 'items', `${item.id}.json`);
    const record = JSON.parse(await readFile(recordPath, 'utf8'));
    await writeFile(recordPath, JSON.stringify({ ...record, status: 'sending', attempts: 1 }));
    pacs.held.set(uids[0]!.sopInstanceUID, { study: uids[0]!.studyInstanceUID, series: uids[0]!.seriesInstanceUID, copies: 1 });
    pacs.behaviour = { duplicates: 'conflict' };

    const second = await harness(pacs.transport, { root: first.root });
    await second.until(statusOf(item.id, 'sent'));
    expect(pacs.posts).toEqual([[uids[1]!.sopInstanceUID]]);
    expect(pacs.requests[0]?.method).toBe('GET');
  });

  it('counts a 409 "duplicate" as stored when the PACS search confirms it', async () => {
    const pacs = new FakePacs();
    pacs.behaviour = { duplicates: 'conflict' };
    const { uids, request: req } = request('dup-409', 1);
    pacs.held.set(uids[0]!.sopInstanceUID, { study: uids[0]!.studyInstanceUID, series: uids[0]!.seriesInstanceUID, copies: 1 });
    const { outbox, until } = await harness(pacs.transport);
    const item = await outbox.enqueue(req);
    const [sent] = await until(statusOf(item.id, 'sent'));
    expect(sent?.instances[0]).toMatchObject({ status: 'stored', message: expect.stringMatching(/Already in the PACS/) });
    expect(pacs.held.get(uids[0]!.sopInstanceUID)?.copies).toBe(1);
  });

  it('reports a partial failure per instance, and "Retry now" re-sends only the failed one', async () => {
    const pacs = new FakePacs();
    const { uids, request: req } = request('partial');
    const refused = uids[1]!.sopInstanceUID;
    pacs.behaviour = { duplicates: 'accept', refuse: new Map([[refused, '0122']]) };
    const { outbox, until } = await harness(pacs.transport);
    const item = await outbox.enqueue(req);
    const [partial] = await until(statusOf(item.id, 'partially-failed'));
    expect(partial?.instances).toEqual([
      { sopInstanceUID: uids[0]!.sopInstanceUID, status: 'stored' },
      { sopInstanceUID: refused, status: 'failed', reason: '0122', message: expect.stringMatching(/SOP class not supported.*administrator/) },
    ]);
    expect(partial?.lastError).toMatch(/1 of 2 instances were not stored.*Retry now/);

    pacs.behaviour = { duplicates: 'accept' };
    await outbox.retryNow(item.id);
    await until(statusOf(item.id, 'sent'));
    expect(pacs.posts).toEqual([uids.map((u) => u.sopInstanceUID), [refused]]);
  });

  it('waits and retries by itself while the PACS is down or failing, then delivers', async () => {
    const pacs = new FakePacs();
    pacs.behaviour = { duplicates: 'accept', outage: 'down' };
    const { outbox, until } = await harness(pacs.transport);
    const item = await outbox.enqueue(request('outage').request);
    // With a 20 ms retry delay the item flips between queued and sending; catch it queued.
    const [waiting] = await until((items) => items[0]?.status === 'queued' && items[0].lastError !== undefined);
    expect(waiting).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/Cannot reach pacs\.test.*refused.*sent automatically/), nextAttemptAt: expect.any(String) });
    pacs.behaviour = { duplicates: 'accept', outage: 503 };
    await until((items) => /internal error \(503\)/.test(items[0]?.lastError ?? ''));
    pacs.behaviour = { duplicates: 'accept' };
    const [sent] = await until(statusOf(item.id, 'sent'));
    expect(sent?.lastError).toBeUndefined();
    expect(pacs.posts).toHaveLength(1);
  });

  it('retries an out-of-resources refusal automatically', async () => {
    const pacs = new FakePacs();
    const { uids, request: req } = request('a700', 1);
    pacs.behaviour = { duplicates: 'accept', refuse: new Map([[uids[0]!.sopInstanceUID, 'A700']]) };
    const { outbox, until } = await harness(pacs.transport);
    const item = await outbox.enqueue(req);
    await until((items) => /out of resources/.test(items[0]?.lastError ?? ''));
    pacs.behaviour = { duplicates: 'accept' };
    await until(statusOf(item.id, 'sent'));
  });

  it('stops on wrong credentials with a message saying what to fix, until "Retry now"', async () => {
    const pacs = new FakePacs();
    pacs.behaviour = { duplicates: 'accept', outage: 401 };
    const { outbox, until } = await harness(pacs.transport);
    const item = await outbox.enqueue(request('auth').request);
    const [failed] = await until(statusOf(item.id, 'failed'));
    expect(failed?.lastError).toMatch(/refused the credentials \(401\).*password.*Retry now/);
    const requestsSoFar = pacs.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(pacs.requests.length).toBe(requestsSoFar);

    pacs.behaviour = { duplicates: 'accept' };
    await outbox.retryNow();
    await until(statusOf(item.id, 'sent'));
  });

  it('says which profile is missing when an item names one that was removed', async () => {
    const { outbox, until } = await harness(new FakePacs().transport);
    const item = await outbox.enqueue({ ...request('no-profile').request, profileId: 'gone' });
    const [failed] = await until(statusOf(item.id, 'failed'));
    expect(failed?.lastError).toMatch(/No PACS profile "gone".*Settings/);
  });

  it('does not send an instance whose file was damaged on disk', async () => {
    const pacs = new FakePacs();
    const { outbox, root } = await harness(pacs.transport, { start: false });
    const item = await outbox.enqueue(request('damaged').request);
    const file = path.join(root, 'files', item.id, '0.dcm');
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    await writeFile(file, bytes);
    outbox.start();
    await expect.poll(async () => (await outbox.list())[0]?.status, { timeout: 5000 }).toBe('partially-failed');
    const [listed] = await outbox.list();
    expect(listed?.instances[0]).toMatchObject({ status: 'failed', message: expect.stringMatching(/damaged/) });
    expect(pacs.posts).toHaveLength(1);
    expect(pacs.posts[0]).toHaveLength(1);
  });

  it('on dispose abandons the exchange in flight and keeps the item queued for next time', async () => {
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const hanging: HttpTransport = (req) =>
      new Promise((resolve) => {
        started();
        req.signal?.addEventListener('abort', () => resolve({ kind: 'aborted' }));
      });
    const { outbox, root } = await harness(hanging);
    const item = await outbox.enqueue(request('dispose').request);
    await inFlight;
    await outbox.dispose();
    const reopened = await harness(new FakePacs().transport, { root, start: false });
    expect((await reopened.outbox.list())[0]).toMatchObject({ id: item.id, status: 'queued', attempts: 1 });
  });

  it('tells the caller when "Retry now" names an item that does not exist', async () => {
    const { outbox } = await harness(new FakePacs().transport);
    await expect(outbox.retryNow('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
