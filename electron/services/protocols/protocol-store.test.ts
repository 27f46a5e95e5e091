import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInProtocols } from '../../../shared/hanging/protocols';
import { ProtocolStore } from './protocol-store';

const mammo = builtInProtocols.find((p) => p.id.startsWith('mammo'))!;

async function store() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-protocols-'));
  return { file: path.join(dir, 'hanging-protocols.json'), dir };
}

describe('ProtocolStore', () => {
  it('saves a user protocol that a new store (a restart) lists before the built-in ones', async () => {
    const { file } = await store();
    const mine = { ...mammo, id: 'my-mammo', name: 'My mammography', description: 'MLO above CC' };
    await new ProtocolStore(file).save(mine);
    const listed = await new ProtocolStore(file).list();
    expect(listed.user.map((p) => p.id)).toEqual(['my-mammo']);
    expect(listed.builtIn.length).toBe(builtInProtocols.length);
    expect(listed.problems).toEqual([]);
  });

  it('refuses a protocol that breaks the schema, naming the problem, and keeps what was saved', async () => {
    const { file } = await store();
    const s = new ProtocolStore(file);
    await s.save({ ...mammo, id: 'keep-me' });
    const broken = { ...mammo, id: 'broken', stages: [{ kind: 'grid', name: 'x', maxCells: 0, display: { label: '{nonsense}' } }] };
    await expect(s.save(broken)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/broken is invalid/) });
    expect((await new ProtocolStore(file).list()).user.map((p) => p.id)).toEqual(['keep-me']);
  });

  it('refuses a second catch-all protocol, and removes only the user protocols', async () => {
    const { file } = await store();
    const s = new ProtocolStore(file);
    const grid = builtInProtocols.find((p) => !p.match)!;
    await expect(s.save({ ...grid, id: 'my-grid' })).rejects.toThrow(/no "match" rules/);
    await expect(s.remove(mammo.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await s.save({ ...mammo, id: 'mine' });
    await s.remove('mine');
    expect((await new ProtocolStore(file).list()).user).toEqual([]);
  });

  it('loads the good protocols of a hand-edited file and reports the broken one', async () => {
    const { file } = await store();
    await writeFile(file, JSON.stringify({ version: 1, protocols: [{ ...mammo, id: 'good' }, { id: 'bad', stages: 'no' }] }));
    const listed = await new ProtocolStore(file).list();
    expect(listed.user.map((p) => p.id)).toEqual(['good']);
    expect(listed.problems.join('\n')).toMatch(/bad is invalid/);
    expect(JSON.parse(await readFile(file, 'utf8')).protocols).toHaveLength(2);
  });
});
