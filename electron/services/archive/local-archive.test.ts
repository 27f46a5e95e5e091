import { mkdtemp, readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures, type FixtureManifest } from '../../../scripts/fixtures/make-fixtures';
import { LocalArchive } from './local-archive';

let fixtures: FixtureManifest;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-archive-fixtures-'));
  fixtures = await makeFixtures({ sharedDataDir: path.join(dir, 'absent'), outDir: path.join(dir, 'out') });
}, 60_000);

async function archiveWith(keys: string[]): Promise<{ root: string; archive: LocalArchive }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tandem-archive-'));
  const archive = new LocalArchive(root);
  for (const key of keys) for (const i of fixtures.studies.find((s) => s.key === key)!.instances) await archive.storeInstance(await readFile(i.path));
  return { root, archive };
}

const uidOf = (key: string) => fixtures.studies.find((s) => s.key === key)!.studyInstanceUID;

describe('LocalArchive integrity on open', () => {
  it('removes torn temporary files, indexes complete files the index missed, and drops entries whose file is damaged', async () => {
    const { root } = await archiveWith(['mammo-current', 'mammo-prior']);
    const current = fixtures.studies.find((s) => s.key === 'mammo-current')!;
    const prior = fixtures.studies.find((s) => s.key === 'mammo-prior')!;
    const studyDir = path.join(root, current.studyInstanceUID);
    // A crash after the file but before the index: take one instance out of the index.
    const indexFile = path.join(studyDir, 'index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8'));
    index.instances = index.instances.slice(1);
    await writeFile(indexFile, JSON.stringify(index));
    // A crash mid-write: a temporary file next to the images.
    await writeFile(path.join(studyDir, '.half-written.dcm.abc.tmp'), 'partial');
    // A damaged file: truncated behind the archive's back.
    const damaged = prior.instances[0]!;
    await truncate(path.join(root, prior.studyInstanceUID, damaged.seriesInstanceUID, `${damaged.sopInstanceUID}.dcm`), 100);

    const reopened = new LocalArchive(root);
    expect(await reopened.countInstances(current.studyInstanceUID)).toBe(current.instances.length);
    expect(await reopened.countInstances(prior.studyInstanceUID)).toBe(prior.instances.length - 1);
    // Removed: the temporary file, and the damaged file once dropped from the index.
    expect((await reopened.status()).integrity).toEqual({ recovered: 1, removed: 2, dropped: 1 });
    expect((await readdir(studyDir)).some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});

describe('LocalArchive disk budget', () => {
  it('evicts the least recently used study and never one that is protected', async () => {
    const { root, archive } = await archiveWith(['mammo-prior', 'chest-cr-mono1', 'mammo-current']);
    const { usedBytes } = await archive.status();
    // The chest was opened a moment ago and the current mammogram has unsent work: the prior is
    // the least recently used study that may go.
    await archive.getStudy(uidOf('chest-cr-mono1'));
    archive.setPolicy({ budgetBytes: () => usedBytes - 1, isProtected: (uid) => uid === uidOf('mammo-current') });
    const evicted = await archive.enforceBudget();
    expect(evicted).toEqual([uidOf('mammo-prior')]);
    expect(await archive.countInstances(uidOf('mammo-prior'))).toBe(0);
    expect(await new LocalArchive(root).countInstances(uidOf('mammo-prior'))).toBe(0);
    expect(await new LocalArchive(root).countInstances(uidOf('chest-cr-mono1'))).toBeGreaterThan(0);
    expect(await new LocalArchive(root).countInstances(uidOf('mammo-current'))).toBeGreaterThan(0);
  });

  it('keeps protected studies even when that leaves the archive over budget', async () => {
    const { archive } = await archiveWith(['mammo-current']);
    archive.setPolicy({ budgetBytes: () => 1, isProtected: () => true });
    expect(await archive.enforceBudget()).toEqual([]);
    expect(await archive.countInstances(uidOf('mammo-current'))).toBeGreaterThan(0);
  });
});
