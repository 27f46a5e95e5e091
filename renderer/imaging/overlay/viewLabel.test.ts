import { describe, expect, it } from 'vitest';
import { imageLaterality, viewAbbreviation } from './viewLabel';

const code = (CodeValue: string, CodingSchemeDesignator = 'SCT') => ({ CodeValue, CodingSchemeDesignator, CodeMeaning: 'ignored' });

describe('view labels', () => {
  it('reads the view code by scheme and value, SCT or legacy SRT', () => {
    expect(viewAbbreviation({ ViewCodeSequence: [code('399162004')] })).toBe('CC');
    expect(viewAbbreviation({ ViewCodeSequence: code('R-10226', 'SRT') })).toBe('MLO');
    expect(viewAbbreviation({ ViewCodeSequence: [code('272479007')] })).toBe('PA');
  });

  it('places modifiers nested in the view item', () => {
    const view = (modifiers: object[]) => ({ ViewCodeSequence: [{ ...code('399162004'), ViewModifierCodeSequence: modifiers }] });
    expect(viewAbbreviation(view([code('399163009')]))).toBe('MCC');
    expect(viewAbbreviation(view([code('399209000')]))).toBe('CCID');
    expect(viewAbbreviation(view([code('399161006')]))).toBe('CV');
    expect(viewAbbreviation({ ViewCodeSequence: [{ ...code('399368009'), ViewModifierCodeSequence: [code('399011000')] }] })).toBe('MLOAT');
  });

  it('falls back to View Position only without a known view code', () => {
    expect(viewAbbreviation({ ViewPosition: 'pa' })).toBe('PA');
    expect(viewAbbreviation({ ViewCodeSequence: [code('123', '99LOCAL')], ViewPosition: 'MLO' })).toBe('MLO');
    expect(viewAbbreviation({})).toBeUndefined();
  });

  it('accepts only R, L and B as image laterality', () => {
    expect(imageLaterality({ ImageLaterality: 'R' })).toBe('R');
    expect(imageLaterality({ ImageLaterality: 'U' })).toBeUndefined();
  });
});
