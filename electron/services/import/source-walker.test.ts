import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkImportSources, type SourceEntry } from './source-walker';
import { writeDicomdir } from './testing/dicom-builders';
import { removeTempDirs, tempDir } from './testing/temp-dirs';

async function collect(paths: string[], signal = new AbortController().signal): Promise<SourceEntry[]> {
  const entries: SourceEntry[] = [];
  for await (const entry of walkImportSources(paths, signal)) entries.push(entry);
  return entries;
}

async function tree(files: Record<string, string | Buffer>): Promise<string> {
  const root = await tempDir('tandem-walk-');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return root;
}

afterAll(removeTempDirs);

describe('walkImportSources', () => {
  it('walks a folder without DICOMDIR recursively, skipping OS leftovers and following no link loop', async () => {
    const root = await tree({ 'a.dcm': 'x', 'sub/b.dcm': 'x', 'sub/deeper/c.dcm': 'x', '.DS_Store': 'x', 'sub/._b.dcm': 'x', 'Thumbs.db': 'x' });
    await symlink('..', path.join(root, 'sub', 'deeper', 'back-to-sub'));
    await symlink(path.join(root, 'a.dcm'), path.join(root, 'sub', 'link-to-a.dcm'));
    const entries = await collect([root]);
    expect(entries).toEqual([
      { kind: 'file', path: path.join(root, 'a.dcm') },
      { kind: 'file', path: path.join(root, 'sub', 'b.dcm') },
      { kind: 'file', path: path.join(root, 'sub', 'deeper', 'c.dcm') },
    ]);
  });

  it('yields exactly the files a DICOMDIR references, case-insensitively, and reports missing ones', async () => {
    const root = await tree({
      DICOMDIR: writeDicomdir([
        { type: 'PATIENT' },
        { type: 'IMAGE', fileId: ['DICOM', 'IM000001'] },
        { type: 'IMAGE', fileId: ['DICOM', 'IM000002'] },
        { type: 'IMAGE', fileId: ['DICOM', 'IM000003'] },
      ]),
      'dicom/im000001': 'x',
      'dicom/IM000002': 'x',
      'dicom/NOTLISTED': 'x',
      'README.TXT': 'x',
      'AUTORUN.INF': 'x',
    });
    expect(await collect([root])).toEqual([
      { kind: 'file', path: path.join(root, 'dicom', 'im000001') },
      { kind: 'file', path: path.join(root, 'dicom', 'IM000002') },
      { kind: 'skipped', reason: 'unreadable', path: path.join(root, 'DICOM', 'IM000003'), detail: expect.stringMatching(/missing/) },
    ]);
    expect(await collect([path.join(root, 'DICOMDIR')])).toHaveLength(3);
  });

  it('uses a DICOMDIR found in a sub-folder for that sub-folder only', async () => {
    const root = await tree({ 'loose.dcm': 'x', 'cd/DICOMDIR': writeDicomdir([{ type: 'IMAGE', fileId: ['IM1'] }]), 'cd/IM1': 'x', 'cd/EXTRA': 'x' });
    expect((await collect([root])).map((e) => e.path)).toEqual([path.join(root, 'cd', 'IM1'), path.join(root, 'loose.dcm')]);
  });

  it('reports a damaged DICOMDIR as corrupt and searches its folder instead', async () => {
    const root = await tree({ DICOMDIR: 'garbage', 'IM1.dcm': 'x' });
    expect(await collect([root])).toEqual([
      { kind: 'skipped', reason: 'corrupt', path: path.join(root, 'DICOMDIR'), detail: expect.stringMatching(/Unusable DICOMDIR.*searched file by file/) },
      { kind: 'file', path: path.join(root, 'IM1.dcm') },
    ]);
  });

  it('reports a path that does not exist as unreadable and lists a file chosen twice once', async () => {
    const root = await tree({ 'a.dcm': 'x' });
    expect(await collect([path.join(root, 'gone'), path.join(root, 'a.dcm'), root])).toEqual([
      { kind: 'skipped', reason: 'unreadable', path: path.join(root, 'gone'), detail: expect.stringMatching(/Not found/) },
      { kind: 'file', path: path.join(root, 'a.dcm') },
    ]);
  });

  it('stops when cancelled', async () => {
    const root = await tree({ 'a.dcm': 'x', 'b.dcm': 'x' });
    const controller = new AbortController();
    controller.abort();
    expect(await collect([root], controller.signal)).toEqual([]);
  });
});
