import { describe, expect, it } from 'vitest';
import { HangingProtocol, type HangingProtocolInput } from './protocol-schema';
import { builtInProtocols, parseHangingProtocol } from './protocols';

function minimal(): HangingProtocolInput {
  return {
    id: 'test',
    name: 'Test',
    version: 1,
    match: { modality: ['MG'] },
    stages: [
      {
        kind: 'slots',
        name: 'One',
        layout: { rows: 1, columns: 2 },
        slots: [
          { id: 'a', name: 'RCC', laterality: 'R', views: ['CC'], display: { chestWallSide: 'right', orientation: 'mammo' } },
          { id: 'b', name: 'LCC', laterality: 'L', views: ['CC'], display: { chestWallSide: 'left', orientation: 'mammo' } },
        ],
      },
    ],
  };
}

function issues(data: unknown): string {
  const result = HangingProtocol.safeParse(data);
  return result.success ? '' : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
}

describe('HangingProtocol schema', () => {
  it('accepts the built-in protocols, in the order chooseProtocol tries them', () => {
    expect(builtInProtocols.map((p) => p.id)).toEqual(['mammo-screening', 'chest-pa-lateral', 'fallback-grid']);
    expect(builtInProtocols.filter((p) => p.match === undefined).map((p) => p.id)).toEqual(['fallback-grid']);
  });

  it('fills in defaults', () => {
    const p = HangingProtocol.parse(minimal());
    const stage = p.stages[0];
    if (stage?.kind !== 'slots') throw new Error('expected a slot stage');
    expect(stage.slots[0]).toMatchObject({ study: 'current', prior: 1, rules: [], optional: false, display: { label: '{viewLabel}' } });
  });

  it('refuses a layout whose slot count does not fill it', () => {
    const p = minimal();
    const stage = p.stages[0];
    if (stage?.kind === 'slots') stage.layout = { rows: 2, columns: 2 };
    expect(issues(p)).toMatch(/2×2 layout needs 4 slots/);
  });

  it("refuses orientation 'mammo' without a chest-wall side", () => {
    const p = minimal();
    const stage = p.stages[0];
    if (stage?.kind === 'slots' && stage.slots[0]) stage.slots[0].display = { orientation: 'mammo' };
    expect(issues(p)).toMatch(/needs a chestWallSide/);
  });

  it('refuses unknown label placeholders, views and rule operators, and duplicate slot ids', () => {
    const p = minimal();
    const stage = p.stages[0];
    if (stage?.kind !== 'slots' || !stage.slots[0] || !stage.slots[1]) throw new Error('expected two slots');
    stage.slots[0].display.label = '{viewlabel}';
    expect(issues(p)).toMatch(/label placeholders/);
    stage.slots[0].display.label = '{viewLabel}';
    stage.slots[0].views = ['CCC' as 'CC'];
    expect(issues(p)).toMatch(/views/);
    stage.slots[0].views = ['CC'];
    stage.slots[0].rules = [{ attribute: 'view', equal: 'CC' } as never];
    expect(issues(p)).toMatch(/rules/);
    stage.slots[0].rules = [];
    stage.slots[1].id = 'a';
    expect(issues(p)).toMatch(/duplicate slot id 'a'/);
  });

  it('names the protocol when refusing it', () => {
    expect(() => parseHangingProtocol({ ...minimal(), id: 'site-mammo', stages: [] })).toThrow(/site-mammo is invalid/);
  });
});
