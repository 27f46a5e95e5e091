import { mkdir, mkdtemp, readdir, readFile, truncate, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { srLikeObject, testUids } from '../../../tests/support/outbox-objects';
import { OUTBOX_FORMAT, type OutboxRecord } from './outbox-record';
import { recoverOutbox } from './outbox-recovery';
import { OutboxStore } from './outbox-store';

const NOW = new Date('2024-06-01T12:00:00Z');
const WEEK = 7 * 24 * 3600_000;
let store: OutboxStore;
let counter = 0;

beforeEach(async () => {
  store = new OutboxStore(await mkdtemp(path.join(os.tmpdir(), 'tandem-outbox-recovery-')));
  await store.ensureFolders();
});

/** What enqueue leaves after its last step: files, then the record. */
async function completeItem(changes: Partial<OutboxRecord> = {}): Promise<OutboxRecord> {
  const id = `lwx${String(counter++).padStart(6, '0')}-${'0'.repeat(12)}`;
  const uids = testUids(`recovery-${id}`, 2);
  const files = await store.writeInstances(id, uids.map((u) => srLikeObject(u)));
  const record: OutboxRecord = {
    format: OUTBOX_FORMAT,
    id,
    kind: 'report-sr',
    profileId: 'pacs',
    studyInstanceUID: uids[0]!.studyInstanceUID,
    description: 'test',
    status: 'queued',
    attempts: 0,
    failuresInARow: 0,
    createdAt: NOW.toISOString(),
    instances: uids.map(({ sopInstanceUID, seriesInstanceUID }, i) => ({ sopInstanceUID, seriesInstanceUID, sopClassUID: '1.2.840.10008.5.1.4.1.1.88.11', ...files[i]!, status: 'pending' })),
    ...changes,
  };
  await store.saveRecord(record);
  return record;
}

/** Everything on disk, as the test sees it: record ids, and the files in each item folder. */
async function onDisk(): Promise<{ records: string[]; folders: Record<string, string[]> }> {
  const records = (await readdir(store.itemsDir)).sort();
  const folders: Record<string, string[]> = {};
  for (const folder of await readdir(store.filesDir)) folders[folder] = (await readdir(path.join(store.filesDir, folder))).sort();
  return { records, folders };
}

describe('recoverOutbox after a crash inside enqueue', () => {
  it('deletes item folders that no record refers to: empty, half-written or complete', async () => {
    await mkdir(store.itemFolder('lwx0000a0-000000000000'));
    await mkdir(store.itemFolder('lwx0000a1-000000000000'));
    await writeFile(path.join(store.itemFolder('lwx0000a1-000000000000'), '0.dcm'), srLikeObject(testUids('half', 1)[0]!).subarray(0, 100));
    const kept = await completeItem();
    const orphan = await completeItem();
    await unlink(store.recordPath(orphan.id));

    const result = await recoverOutbox(store, NOW, WEEK);

    expect(result.records.map((r) => r.id)).toEqual([kept.id]);
    expect(result.removed.map((r) => r.why).sort()).toEqual(['orphan-files', 'orphan-files', 'orphan-files']);
    expect(await onDisk()).toEqual({ records: [`${kept.id}.json`], folders: { [kept.id]: ['0.dcm', '1.dcm'] } });
  });

  it('deletes the temporary file of a record write that never got renamed, with the files it was for', async () => {
    const item = await completeItem();
    const tmp = path.join(store.itemsDir, `.${item.id}.json.abcdef.tmp`);
    await writeFile(tmp, (await readFile(store.recordPath(item.id))).subarray(0, 40));
    await unlink(store.recordPath(item.id));

    await recoverOutbox(store, NOW, WEEK);

    expect(await onDisk()).toEqual({ records: [], folders: {} });
  });

  it('keeps an item whose record was renamed into place, even if the caller never heard back', async () => {
    const item = await completeItem();
    const { records } = await recoverOutbox(store, NOW, WEEK);
    expect(records).toEqual([item]);
  });
});

describe('recoverOutbox after a crash while updating or sending', () => {
  it('keeps the previous record when an update was not renamed into place', async () => {
    const item = await completeItem({ attempts: 2 });
    await writeFile(path.join(store.itemsDir, `.${item.id}.json.123456.tmp`), '{"format":1,"id":');
    const { records } = await recoverOutbox(store, NOW, WEEK);
    expect(records).toEqual([item]);
    expect((await onDisk()).records).toEqual([`${item.id}.json`]);
  });

  it('requeues an item caught sending: the outcome is unknown, and its attempt count says so', async () => {
    const item = await completeItem({ status: 'sending', attempts: 1, lastAttemptAt: NOW.toISOString() });
    const { records } = await recoverOutbox(store, NOW, WEEK);
    expect(records[0]).toMatchObject({ id: item.id, status: 'queued', attempts: 1 });
  });

  it('removes the files of a sent item whose clean-up was interrupted, and keeps its history', async () => {
    const item = await completeItem({ status: 'sent', lastAttemptAt: NOW.toISOString() });
    const { records } = await recoverOutbox(store, NOW, WEEK);
    expect(records.map((r) => r.id)).toEqual([item.id]);
    expect(await onDisk()).toEqual({ records: [`${item.id}.json`], folders: {} });
  });

  it('drops sent items older than the retention period', async () => {
    await completeItem({ status: 'sent', lastAttemptAt: new Date(NOW.getTime() - 2 * WEEK).toISOString() });
    const { records, removed } = await recoverOutbox(store, NOW, WEEK);
    expect(records).toEqual([]);
    expect(removed.map((r) => r.why)).toEqual(['expired']);
    expect(await onDisk()).toEqual({ records: [], folders: {} });
  });
});

describe('recoverOutbox with damage no crash of Tandem causes', () => {
  it('removes an item whose file is shorter than recorded, or missing, so no half item is ever sent', async () => {
    const short = await completeItem();
    const missing = await completeItem();
    const fine = await completeItem();
    await truncate(path.join(store.itemFolder(short.id), '1.dcm'), 10);
    await unlink(path.join(store.itemFolder(missing.id), '0.dcm'));

    const { records, removed } = await recoverOutbox(store, NOW, WEEK);

    expect(records.map((r) => r.id)).toEqual([fine.id]);
    expect(removed).toEqual(expect.arrayContaining([{ id: short.id, why: 'missing-files' }, { id: missing.id, why: 'missing-files' }]));
    expect(Object.keys((await onDisk()).folders)).toEqual([fine.id]);
  });

  it('removes a record that is not valid JSON, and leaves one from a newer Tandem alone', async () => {
    const broken = await completeItem();
    const newer = await completeItem();
    await writeFile(store.recordPath(broken.id), '{ not json');
    await writeFile(store.recordPath(newer.id), JSON.stringify({ ...newer, format: OUTBOX_FORMAT + 1 }));

    const { records } = await recoverOutbox(store, NOW, WEEK);

    expect(records).toEqual([]);
    expect(await onDisk()).toEqual({ records: [`${newer.id}.json`], folders: { [newer.id]: ['0.dcm', '1.dcm'] } });
  });

  it('is idempotent', async () => {
    await completeItem();
    await mkdir(store.itemFolder('lwx0000zz-000000000000'));
    const first = await recoverOutbox(store, NOW, WEEK);
    const second = await recoverOutbox(store, NOW, WEEK);
    expect(second.records).toEqual(first.records);
    expect(second.removed).toEqual([]);
  });
});
