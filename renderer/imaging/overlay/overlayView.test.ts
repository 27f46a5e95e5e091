import { describe, expect, it } from 'vitest';
import { overlayView } from './overlayView';

const code = (CodeValue: string, CodingSchemeDesignator = 'SCT') => ({ CodeValue, CodingSchemeDesignator, CodeMeaning: 'ignored' });
const view = (instance: Record<string, unknown>) => overlayView(instance).view;

describe('overlay view', () => {
  it('reads the view code by scheme and value, SCT or legacy SRT/SNM3, as a lone item or a list', () => {
    expect(view({ ViewCodeSequence: [code('399162004')] })).toBe('CC');
    expect(view({ ViewCodeSequence: code('R-10226', 'SRT') })).toBe('MLO');
    expect(view({ ViewCodeSequence: [code('R-10242', 'SNM3')] })).toBe('CC');
    expect(view({ ViewCodeSequence: [{ ...code('399162004'), CodeMeaning: 'medio-lateral oblique' }] })).toBe('CC');
  });

  it('reads the chest views of CID 4010, legacy ids too', () => {
    expect(view({ ViewCodeSequence: [code('272479007')] })).toBe('PA');
    expect(view({ ViewCodeSequence: [code('399348003')] })).toBe('AP');
    expect(view({ ViewCodeSequence: [code('399173006')] })).toBe('LL');
    expect(view({ ViewCodeSequence: [code('399198007')] })).toBe('RL');
    expect(view({ ViewCodeSequence: [code('399067008')] })).toBe('LAT');
    expect(view({ ViewCodeSequence: [code('R-10214', 'SRT')] })).toBe('PA');
  });

  it('places modifiers nested in the view item, MQCM style', () => {
    const cc = (modifiers: object[]) => ({ ViewCodeSequence: [{ ...code('399162004'), ViewModifierCodeSequence: modifiers }] });
    expect(view(cc([code('399163009')]))).toBe('MCC');
    expect(view(cc([code('399209000')]))).toBe('CCID');
    expect(view(cc([code('399161006')]))).toBe('CV');
    expect(view(cc([code('R-102D6', 'SRT')]))).toBe('MCC');
    // AT (axillary tail) replaces the view it modifies, as CV and TAN do: "R AT", not "R MLOAT".
    expect(view({ ViewCodeSequence: [{ ...code('399368009'), ViewModifierCodeSequence: [code('399011000')] }] })).toBe('AT');
  });

  it('reads a modifier sequence misplaced at the top level', () => {
    expect(view({ ViewCodeSequence: [code('399162004')], ViewModifierCodeSequence: [code('399055006')] })).toBe('SCC');
  });

  it('labels a specimen radiograph as such', () => {
    expect(overlayView({ ImageLaterality: 'L', ViewCodeSequence: [code('127457009')] })).toEqual({ laterality: 'L', view: 'specimen' });
  });

  it('falls back to View Position only without a known view code', () => {
    expect(view({ ViewPosition: 'pa' })).toBe('PA');
    expect(view({ ViewCodeSequence: [code('123', '99LOCAL')], ViewPosition: 'MLO' })).toBe('MLO');
    expect(view({ ViewPosition: 'RCC' })).toBe('CC');
    expect(view({})).toBeUndefined();
  });

  it('shows R, L or B, from Image Laterality or else the series Laterality', () => {
    expect(overlayView({ ImageLaterality: 'R' }).laterality).toBe('R');
    expect(overlayView({ ImageLaterality: 'b' }).laterality).toBe('B');
    expect(overlayView({ Laterality: 'L' }).laterality).toBe('L');
    expect(overlayView({ ImageLaterality: 'U' }).laterality).toBeUndefined();
    expect(overlayView({}).laterality).toBeUndefined();
  });
});
