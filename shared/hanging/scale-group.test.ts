import { describe, expect, it } from 'vitest';
import type { HungSlot } from './hung-layout';
import { scaleGroupFactors } from './scale-group';

function slot(slotId: string, rows: number, columns: number, mm: number | undefined, scaleGroup = 'current', rotate90 = false): HungSlot {
  return {
    kind: 'image',
    slotId,
    name: slotId,
    row: 0,
    column: 0,
    study: 'current',
    scaleGroup,
    image: { rows, columns } as never,
    label: slotId,
    displayTransform: { rotate90, flipHorizontal: false, flipVertical: false, chestWallSide: 'left', assumed: false } as never,
    ...(mm ? { displaySpacing: { rowMm: mm, columnMm: mm, source: 'detector' as const } } : {}),
  };
}

/** Screen units per mm that a factor gives an image in a cell of the given aspect (height = 1). */
function shownScale(rows: number, columns: number, mm: number, aspect: number, factor: number): number {
  return Math.min(aspect / (columns * mm * factor), 1 / (rows * mm * factor));
}

describe('scaleGroupFactors', () => {
  it('shows a small and a large breast at the same mm per pixel, the larger one filling its cell', () => {
    // A 24×30 cm detector image beside an 18×24 cm one, both at 0.1 mm.
    const slots = [slot('R', 3000, 2400, 0.1), slot('L', 2400, 1800, 0.1)];
    const aspect = 0.9;
    const f = scaleGroupFactors(slots, aspect);
    expect(f.get('R')).toBeCloseTo(1);
    expect(f.get('L')).toBeGreaterThan(1.2);
    expect(shownScale(2400, 1800, 0.1, aspect, f.get('L')!)).toBeCloseTo(shownScale(3000, 2400, 0.1, aspect, f.get('R')!), 9);
  });

  it('uses the pixel spacing, not the pixel count: equal matrices at different spacings differ in size', () => {
    const f = scaleGroupFactors([slot('A', 2000, 1600, 0.1), slot('B', 2000, 1600, 0.05)], 0.8);
    expect(f.get('A')).toBeCloseTo(1);
    expect(f.get('B')).toBeCloseTo(2);
  });

  it('keeps groups apart and leaves images without spacing fitted', () => {
    const f = scaleGroupFactors([slot('C1', 3000, 2400, 0.1, 'cc'), slot('M1', 1000, 800, 0.1, 'mlo'), slot('X', 1000, 800, undefined, 'cc')], 1);
    expect(f.get('C1')).toBeCloseTo(1);
    expect(f.get('M1')).toBeCloseTo(1);
    expect(f.has('X')).toBe(false);
  });

  it('accounts for a quarter turn, and for a wide cell where the width limits the fit', () => {
    const slots = [slot('A', 1000, 3000, 0.1, 'g', true), slot('B', 1000, 1000, 0.1, 'g')];
    const aspect = 3;
    const f = scaleGroupFactors(slots, aspect);
    expect(shownScale(3000, 1000, 0.1, aspect, f.get('A')!)).toBeCloseTo(shownScale(1000, 1000, 0.1, aspect, f.get('B')!), 9);
  });
});
