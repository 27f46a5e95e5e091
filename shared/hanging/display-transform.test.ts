import { describe, expect, it } from 'vitest';
import { displayTransformFor, mammoDisplayTransform } from './display-transform';
import { attrs, VIEW } from './testing/vendor-datasets';

function mg(side: 'R' | 'L', view: 'CC' | 'MLO', orientation?: [string, string]) {
  return attrs({ sop: '1.1', imageLaterality: side, viewCode: VIEW.sct[view], orientation });
}

/** Where the chest wall sits once the transform is applied: rows running to P put it on the right. */
function chestWallEdge(orientationOnScreen: readonly [string, string] | undefined): 'left' | 'right' | undefined {
  const row = orientationOnScreen?.[0] ?? '';
  return row.includes('P') ? 'right' : row.includes('A') ? 'left' : undefined;
}

describe('mammoDisplayTransform (DOMAIN.md §1.4)', () => {
  it.each([
    ['R', 'CC', ['P', 'L'], 'right'],
    ['L', 'CC', ['A', 'R'], 'left'],
    ['R', 'MLO', ['P', 'F'], 'right'],
    ['L', 'MLO', ['A', 'F'], 'left'],
    ['R', 'MLO', ['P', 'FL'], 'right'],
    ['L', 'MLO', ['A', 'FR'], 'left'],
  ] as const)('leaves %s %s stored as %j alone', (side, view, orientation, wall) => {
    const t = mammoDisplayTransform(mg(side, view, [...orientation]), wall);
    expect(t).toMatchObject({ rotate90: false, flipHorizontal: false, flipVertical: false, chestWallSide: wall, assumed: false });
    expect(t.orientationOnScreen).toEqual(orientation);
  });

  it('flips an R CC stored as A\\R both ways: rows lack P, columns hold its own side', () => {
    const t = mammoDisplayTransform(mg('R', 'CC', ['A', 'R']), 'right');
    expect(t).toMatchObject({ flipHorizontal: true, flipVertical: true, rotate90: false });
    expect(t.orientationOnScreen).toEqual(['P', 'L']);
  });

  it('flips a mirrored L MLO (P\\FR) horizontally only: the column already runs to the feet', () => {
    const t = mammoDisplayTransform(mg('L', 'MLO', ['P', 'FR']), 'left');
    expect(t).toMatchObject({ flipHorizontal: true, flipVertical: false });
    expect(t.orientationOnScreen).toEqual(['A', 'FR']);
  });

  it('flips an upside-down R MLO (P\\H) vertically so the axilla is at the top', () => {
    const t = mammoDisplayTransform(mg('R', 'MLO', ['P', 'H']), 'right');
    expect(t).toMatchObject({ flipHorizontal: false, flipVertical: true });
  });

  it('turns an image whose rows run head–foot a quarter turn before flipping', () => {
    const cc = mammoDisplayTransform(mg('R', 'CC', ['L', 'A']), 'right');
    expect(cc).toMatchObject({ rotate90: true, flipHorizontal: false, flipVertical: false });
    expect(cc.orientationOnScreen).toEqual(['P', 'L']);
    // Rotation plus a horizontal flip is the transpose the algorithm asks for.
    const mlo = mammoDisplayTransform(mg('R', 'MLO', ['F', 'P']), 'right');
    expect(mlo).toMatchObject({ rotate90: true, flipHorizontal: true, flipVertical: false });
    expect(mlo.orientationOnScreen).toEqual(['P', 'F']);
  });

  it('puts the chest wall on whichever edge the slot asks for', () => {
    const t = mammoDisplayTransform(mg('R', 'CC', ['P', 'L']), 'left');
    expect(t.flipHorizontal).toBe(true);
    expect(chestWallEdge(t.orientationOnScreen)).toBe('left');
  });

  it('pins R right and L left for by-laterality', () => {
    expect(mammoDisplayTransform(mg('R', 'CC', ['A', 'L']), 'by-laterality')).toMatchObject({ chestWallSide: 'right', flipHorizontal: true });
    expect(mammoDisplayTransform(mg('L', 'CC', ['A', 'R']), 'by-laterality')).toMatchObject({ chestWallSide: 'left', flipHorizontal: false });
  });

  it('assumes the conventional orientation when PatientOrientation is missing, and says so', () => {
    const t = mammoDisplayTransform(mg('R', 'CC'), 'right');
    expect(t).toMatchObject({ flipHorizontal: false, flipVertical: false, assumed: true });
    expect(t.assumedBecause).toMatch(/PatientOrientation is missing/);
    expect(t.orientationOnScreen).toEqual(['P', 'L']);
    const other = mammoDisplayTransform(mg('L', 'MLO'), 'right');
    expect(other).toMatchObject({ flipHorizontal: true, assumed: true });
  });

  it('treats an orientation with no anterior–posterior direction as unusable', () => {
    const t = mammoDisplayTransform(mg('L', 'MLO', ['H', 'F']), 'left');
    expect(t).toMatchObject({ rotate90: false, flipHorizontal: false, flipVertical: false, assumed: true });
    expect(t.assumedBecause).toMatch(/not usable/);
  });

  it('shows an image without laterality as stored and warns', () => {
    const t = mammoDisplayTransform(attrs({ sop: '1.1', viewCode: VIEW.sct.CC, orientation: ['A', 'R'] }), 'right');
    expect(t).toMatchObject({ flipHorizontal: false, flipVertical: false, chestWallSide: 'none', assumed: true });
  });
});

describe('displayTransformFor', () => {
  it('never transforms an as-stored slot', () => {
    const t = displayTransformFor(mg('R', 'CC', ['A', 'R']), { chestWallSide: 'none', orientation: 'as-stored', label: '' });
    expect(t).toMatchObject({ rotate90: false, flipHorizontal: false, flipVertical: false, chestWallSide: 'none', assumed: false });
  });

  it('turns the mirrored right views of the density prior (A\\L, A\\F) so their chest walls face the centre', () => {
    // scripts/fixtures/README.md: density R-CC and R-MLO are stored mirrored; L views are not.
    const rcc = displayTransformFor(mg('R', 'CC', ['A', 'L']), { chestWallSide: 'right', orientation: 'mammo', label: '' });
    const rmlo = displayTransformFor(mg('R', 'MLO', ['A', 'F']), { chestWallSide: 'right', orientation: 'mammo', label: '' });
    const lcc = displayTransformFor(mg('L', 'CC', ['A', 'R']), { chestWallSide: 'left', orientation: 'mammo', label: '' });
    const lmlo = displayTransformFor(mg('L', 'MLO', ['A', 'F']), { chestWallSide: 'left', orientation: 'mammo', label: '' });
    for (const t of [rcc, rmlo]) expect(t).toMatchObject({ flipHorizontal: true, flipVertical: false, rotate90: false });
    for (const t of [lcc, lmlo]) expect(t).toMatchObject({ flipHorizontal: false, flipVertical: false, rotate90: false });
    // R hangs on the screen's left, so its chest wall must be on its right edge, and vice versa.
    expect([rcc, rmlo].map((t) => chestWallEdge(t.orientationOnScreen))).toEqual(['right', 'right']);
    expect([lcc, lmlo].map((t) => chestWallEdge(t.orientationOnScreen))).toEqual(['left', 'left']);
  });
});
