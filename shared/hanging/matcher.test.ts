import { describe, expect, it } from 'vitest';
import type { HungImageSlot, HungProtocol, HungSlot, HungStage } from './hung-layout';
import { imageAttributesFromDicomJson, type ImageAttributes } from './image-attributes';
import { chooseProtocol, hang } from './matcher';
import { builtInProtocols } from './protocols';
import { MODIFIER, SOP, attrs, fourViews, geStyle, hologicStyle, olderStyle, siemensStyle } from './testing/vendor-datasets';

const [mammo, chest, fallback] = builtInProtocols as [(typeof builtInProtocols)[0], (typeof builtInProtocols)[0], (typeof builtInProtocols)[0]];
const CURRENT = '1.2.826.0.1.3680043.10.20240315';
const PRIOR = '1.2.826.0.1.3680043.10.20220308';

function stage(hung: HungProtocol, name: string): HungStage {
  const found = hung.stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name} in ${hung.stages.map((s) => s.name).join(', ')}`);
  return found;
}

function imageIn(slot: HungSlot | undefined): HungImageSlot {
  if (slot?.kind !== 'image') throw new Error(`expected an image, got ${JSON.stringify(slot)}`);
  return slot;
}

const sops = (s: HungStage) => s.slots.map((slot) => (slot.kind === 'image' ? slot.image.sopInstanceUID : slot.reason.code));

function chestImage(sop: string, study: string, date: string, viewPosition?: string, modality = 'CR'): ImageAttributes {
  return attrs({ sop, study, date, modality, sopClass: modality === 'CR' ? SOP.cr : SOP.dxForPresentation, viewPosition, bodyPart: 'CHEST' });
}

describe('chooseProtocol', () => {
  it('hangs MG as mammography screening, whatever the vendor style', () => {
    for (const style of [hologicStyle, geStyle, siemensStyle, olderStyle]) {
      expect(chooseProtocol(fourViews(style, CURRENT, '20240315'), [], builtInProtocols).id).toBe('mammo-screening');
    }
  });

  it('hangs CR and DX chests as chest, and anything else in the fallback grid', () => {
    expect(chooseProtocol([chestImage('1.1', CURRENT, '20240315', 'PA')], [], builtInProtocols).id).toBe('chest-pa-lateral');
    expect(chooseProtocol([chestImage('1.1', CURRENT, '20240315', 'AP', 'DX')], [], builtInProtocols).id).toBe('chest-pa-lateral');
    expect(chooseProtocol([attrs({ sop: '1.1', modality: 'OT', sopClass: SOP.secondaryCapture })], [], builtInProtocols).id).toBe('fallback-grid');
    const hand = attrs({ sop: '1.2', modality: 'CR', sopClass: SOP.cr, bodyPart: 'HAND', viewPosition: 'PA' });
    expect(chooseProtocol([hand], [], builtInProtocols).id).toBe('fallback-grid');
  });

  it('falls back when the only mammograms are For Processing', () => {
    const raw = fourViews(hologicStyle, CURRENT, '20240315', { intent: 'FOR PROCESSING', sopClass: SOP.mgForProcessing });
    expect(chooseProtocol(raw, [], builtInProtocols).id).toBe('fallback-grid');
  });

  it('throws only when the list has no fallback', () => {
    expect(() => chooseProtocol([attrs({ sop: '1.1', modality: 'OT' })], [], [mammo, chest])).toThrow(/no fallback/);
  });
});

describe('hang: mammography screening', () => {
  const current = fourViews(hologicStyle, CURRENT, '20240315');

  it('hangs the current 4-up with R on the left, chest walls facing each other', () => {
    const s = stage(hang(mammo, current, []), 'Current 4-up');
    expect(s.layout).toEqual({ rows: 2, columns: 2 });
    const cells = s.slots.map((slot) => [imageIn(slot).label, slot.row, slot.column, imageIn(slot).displayTransform.chestWallSide]);
    expect(cells).toEqual([['RCC', 0, 0, 'right'], ['LCC', 0, 1, 'left'], ['RMLO', 1, 0, 'right'], ['LMLO', 1, 1, 'left']]);
    expect(s.slots.every((slot) => slot.scaleGroup === 'current')).toBe(true);
    expect(imageIn(s.slots[0]).displaySpacing).toMatchObject({ source: 'magnification-corrected' });
  });

  it('keeps the stage order as the keyboard steps through it', () => {
    expect(hang(mammo, current, [fourViews(hologicStyle, PRIOR, '20220308')]).stages.map((s) => s.name)).toEqual([
      'Current 4-up', 'CC: prior above current', 'MLO: prior above current', 'RCC', 'LCC', 'RMLO', 'LMLO',
    ]);
  });

  it('compares with the most recent prior, given in any order, and labels it', () => {
    const older = fourViews(geStyle, '1.2.3.2020', '20200301');
    const recent = fourViews(siemensStyle, PRIOR, '20220308');
    const s = stage(hang(mammo, current, [older, recent]), 'CC: prior above current');
    expect(s.slots.map((slot) => imageIn(slot).label)).toEqual([
      'RCC Prior 2022-03-08', 'LCC Prior 2022-03-08', 'RCC Current 2024-03-15', 'LCC Current 2024-03-15',
    ]);
    expect(s.slots.map((slot) => slot.study)).toEqual(['prior', 'prior', 'current', 'current']);
  });

  it('skips studies that are not mammograms or are newer than the one being read', () => {
    const chestLastYear = [chestImage('9.1', '1.2.3.2023', '20230601', 'PA')];
    const later = fourViews(hologicStyle, '1.2.3.2025', '20250301');
    const s = stage(hang(mammo, current, [chestLastYear, later, fourViews(hologicStyle, PRIOR, '20220308')]), 'MLO: prior above current');
    expect(imageIn(s.slots[0]).image.studyInstanceUID).toBe(PRIOR);
  });

  it('leaves prior slots empty with a reason when there is no prior', () => {
    const s = stage(hang(mammo, current, []), 'CC: prior above current');
    expect(s.filled).toBe(2);
    const [rcc] = s.slots;
    expect(rcc).toMatchObject({ kind: 'empty', study: 'prior', reason: { code: 'no-prior-study' } });
    expect(rcc?.kind === 'empty' && rcc.reason.message).toMatch(/No RCC prior/);
  });

  it('keeps a magnification view out of the screening slots and shows it with the additional views', () => {
    const magnified = imageAttributesFromDicomJson(hologicStyle('R', 'CC', { sop: `${CURRENT}.9`, study: CURRENT, instanceNumber: 9, modifiers: [MODIFIER.magnification] }));
    const hung = hang(mammo, [...current, magnified], []);
    const hungSops = hung.stages.filter((s) => s.name !== 'Additional views').flatMap(sops);
    expect(hungSops).not.toContain(magnified.sopInstanceUID);
    const extra = stage(hung, 'Additional views');
    expect(extra.slots.map((slot) => imageIn(slot).label)).toEqual(['MRCC']);
  });

  it('never hangs a For Processing image, and says so when that is all there is', () => {
    const raw = imageAttributesFromDicomJson(hologicStyle('L', 'CC', { sop: `${CURRENT}.7`, study: CURRENT, instanceNumber: 7, intent: 'FOR PROCESSING' }));
    const withoutLcc = [...current.filter((i) => !(i.imageLaterality === 'L' && i.view === 'CC')), raw];
    const hung = hang(mammo, withoutLcc, []);
    expect(hung.stages.flatMap(sops)).not.toContain(raw.sopInstanceUID);
    expect(stage(hung, 'Current 4-up').slots[1]).toMatchObject({ kind: 'empty', reason: { code: 'for-processing-only' } });
    expect(hung.stages.map((s) => s.name)).not.toContain('Additional views');
  });

  // A third-party CAD picture that copies its source's MG attributes (modality, side, view code)
  // and has the higher InstanceNumber, so nothing but its derivation keeps it out of the slots.
  const SIDES_AND_VIEWS = [['R', 'CC'], ['L', 'CC'], ['R', 'MLO'], ['L', 'MLO']] as const;
  const overlaysOf = (study: readonly ImageAttributes[]) =>
    SIDES_AND_VIEWS.map(([side, view], i) =>
      imageAttributesFromDicomJson(
        hologicStyle(side, view, {
          sop: `${study[i]!.sopInstanceUID}.99`, study: study[i]!.studyInstanceUID, date: study[i]!.studyDate, instanceNumber: 99,
          sopClass: SOP.secondaryCapture, imageType: ['DERIVED', 'SECONDARY'], sourceImages: [study[i]!.sopInstanceUID],
        }),
      ),
    );

  it('never hangs a derived overlay, in a slot or with the additional views, even when it copies its source\'s side and view', () => {
    const overlays = overlaysOf(current);
    const hung = hang(mammo, [...current, ...overlays], []);
    expect(sops(stage(hung, 'Current 4-up'))).toEqual(current.map((i) => i.sopInstanceUID));
    const hungSops = hung.stages.flatMap(sops);
    for (const overlay of overlays) expect(hungSops).not.toContain(overlay.sopInstanceUID);
    expect(hung.stages.map((s) => s.name)).not.toContain('Additional views');
  });

  it('says so when a derived overlay is all a slot has', () => {
    const withoutLcc = [...current.filter((i) => !(i.imageLaterality === 'L' && i.view === 'CC')), ...overlaysOf(current)];
    const lcc = stage(hang(mammo, withoutLcc, []), 'Current 4-up').slots[1];
    expect(lcc).toMatchObject({ kind: 'empty', reason: { code: 'derived-overlay-only' } });
    expect(lcc?.kind === 'empty' && lcc.reason.message).toMatch(/^No LCC in the current study: .*AI heatmap.*never hung in place of the image/);
  });

  it('does not take a study of derived overlays alone as the prior', () => {
    const priorOverlays = overlaysOf(fourViews(hologicStyle, PRIOR, '20220308'));
    const s = stage(hang(mammo, current, [priorOverlays]), 'CC: prior above current');
    expect(s.slots[0]).toMatchObject({ kind: 'empty', reason: { code: 'no-prior-study' } });
  });

  it('takes the retake (higher InstanceNumber) and puts the first exposure with the additional views', () => {
    const retake = imageAttributesFromDicomJson(hologicStyle('R', 'MLO', { sop: `${CURRENT}.5`, study: CURRENT, instanceNumber: 5 }));
    const hung = hang(mammo, [...current, retake], []);
    expect(imageIn(stage(hung, 'RMLO').slots[0]).image.sopInstanceUID).toBe(retake.sopInstanceUID);
    expect(sops(stage(hung, 'Additional views'))).toEqual([`${CURRENT}.1.3`]);
  });

  it('hangs an older device (ViewPosition, series Laterality, no orientation) and flags the guess', () => {
    const s = stage(hang(mammo, fourViews(olderStyle, CURRENT, '20240315'), []), 'Current 4-up');
    expect(s.filled).toBe(4);
    expect(s.slots.every((slot) => imageIn(slot).displayTransform.assumed)).toBe(true);
  });

  it('flips the mirrored right views of the density prior so the chest walls face the centre', () => {
    // scripts/fixtures/README.md: density R-CC is stored A\L and R-MLO A\F; the L views are not mirrored.
    const stored = [['R', 'CC', ['A', 'L']], ['L', 'CC', ['A', 'R']], ['R', 'MLO', ['A', 'F']], ['L', 'MLO', ['A', 'F']]] as const;
    const density = stored.map(([side, view, [row, column]], i) =>
      imageAttributesFromDicomJson(hologicStyle(side, view, { sop: `${PRIOR}.${i + 1}`, study: PRIOR, date: '20220308', orientation: [row, column] })),
    );
    const hung = hang(mammo, current, [density]);
    for (const name of ['CC: prior above current', 'MLO: prior above current']) {
      const [rPrior, lPrior, rCurrent, lCurrent] = stage(hung, name).slots.map(imageIn);
      expect(rPrior?.displayTransform).toMatchObject({ flipHorizontal: true, flipVertical: false, chestWallSide: 'right' });
      expect(rPrior?.displayTransform.orientationOnScreen?.[0]).toBe('P');
      expect(lPrior?.displayTransform).toMatchObject({ flipHorizontal: false, flipVertical: false, chestWallSide: 'left' });
      for (const slot of [rCurrent, lCurrent]) expect(slot?.displayTransform).toMatchObject({ flipHorizontal: false, flipVertical: false });
    }
  });
});

describe('hang: chest', () => {
  it('shows the PA beside the lateral', () => {
    const s = stage(hang(chest, [chestImage('1.1', CURRENT, '20240315', 'LL'), chestImage('1.2', CURRENT, '20240315', 'PA')], []), 'Frontal and lateral');
    expect(s.layout).toEqual({ rows: 1, columns: 2 });
    expect(s.slots.map((slot) => imageIn(slot).label)).toEqual(['PA', 'LL']);
    expect(imageIn(s.slots[0]).displayTransform).toMatchObject({ flipHorizontal: false, flipVertical: false, chestWallSide: 'none' });
  });

  it('shows a PA alone full screen when there is no lateral', () => {
    const s = stage(hang(chest, [chestImage('1.2', CURRENT, '20240315', 'PA')], []), 'Frontal and lateral');
    expect(s.layout).toEqual({ rows: 1, columns: 1 });
    expect(sops(s)).toEqual(['1.2']);
  });

  it('prefers the PA to an AP, and takes a frontal without ViewPosition', () => {
    const both = [chestImage('1.1', CURRENT, '20240315', 'AP'), chestImage('1.2', CURRENT, '20240315', 'PA')];
    expect(sops(stage(hang(chest, both, []), 'Frontal and lateral'))).toEqual(['1.2']);
    const bare = [attrs({ sop: '1.3', study: CURRENT, modality: 'DX', sopClass: SOP.secondaryCapture })];
    expect(chooseProtocol(bare, [], builtInProtocols).id).toBe('chest-pa-lateral');
    expect(imageIn(stage(hang(chest, bare, []), 'Frontal and lateral').slots[0]).label).toBe('frontal');
  });

  it('puts the prior PA left of the current one', () => {
    const prior = [chestImage('2.1', PRIOR, '20220308', 'PA')];
    const s = stage(hang(chest, [chestImage('1.1', CURRENT, '20240315', 'PA')], [prior]), 'Frontal: prior | current');
    expect(sops(s)).toEqual(['2.1', '1.1']);
    expect(s.slots.map((slot) => slot.linkGroup)).toEqual(['pa', 'pa']);
  });
});

describe('hang: fallback grid', () => {
  const others = (n: number) => Array.from({ length: n }, (_, i) => attrs({ sop: `1.${i + 1}`, modality: 'OT', sopClass: SOP.secondaryCapture, instanceNumber: i + 1 }));

  it('sizes the grid from the image count', () => {
    expect(hang(fallback, others(1), []).stages[0]?.layout).toEqual({ rows: 1, columns: 1 });
    expect(hang(fallback, others(2), []).stages[0]?.layout).toEqual({ rows: 1, columns: 2 });
    expect(hang(fallback, others(5), []).stages[0]?.layout).toEqual({ rows: 2, columns: 3 });
  });

  it('pages past 16 images', () => {
    const hung = hang(fallback, others(20), []);
    expect(hung.stages.map((s) => [s.name, s.layout.rows, s.layout.columns, s.filled])).toEqual([
      ['All images (1/2)', 4, 4, 16],
      ['All images (2/2)', 2, 2, 4],
    ]);
  });

  it('hangs a scanned film (a DERIVED Secondary Capture that names no source image)', () => {
    const film = attrs({ sop: '1.1', modality: 'OT', sopClass: SOP.secondaryCapture, imageType: ['DERIVED', 'SECONDARY'] });
    expect(chooseProtocol([film], [], builtInProtocols).id).toBe('fallback-grid');
    expect(hang(fallback, [film], []).stages.flatMap(sops)).toEqual(['1.1']);
  });

  it('explains a study whose only pictures are derived overlays', () => {
    const overlay = (n: number) => attrs({ sop: `1.${n}`, modality: 'OT', sopClass: SOP.secondaryCapture, imageType: ['DERIVED', 'SECONDARY'], sourceImages: [`2.${n}`] });
    const [only] = hang(fallback, [overlay(1), overlay(2)], []).stages;
    expect(only?.slots).toEqual([
      expect.objectContaining({
        kind: 'empty',
        reason: { code: 'derived-overlay-only', message: 'This study has no images to display. 2 pictures made from other images (such as AI heatmaps) are never hung on their own.' },
      }),
    ]);
  });

  it('explains an empty study', () => {
    const raw = attrs({ sop: '1.1', intent: 'FOR PROCESSING' });
    const [only] = hang(fallback, [raw], []).stages;
    expect(only?.slots[0]).toMatchObject({ kind: 'empty', reason: { code: 'for-processing-only' } });
  });
});
