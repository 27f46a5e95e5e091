import { describe, expect, it } from 'vitest';
import { MatchRule } from './protocol-schema';
import { evaluateRules } from './rule-evaluation';
import { attrs, hologicStyle, MODIFIER } from './testing/vendor-datasets';
import { imageAttributesFromDicomJson } from './image-attributes';

const rule = (data: unknown) => MatchRule.parse(data);

describe('evaluateRules', () => {
  const rcc = imageAttributesFromDicomJson(hologicStyle('R', 'CC', { sop: '1.1' }));
  const mag = imageAttributesFromDicomJson(hologicStyle('R', 'CC', { sop: '1.2', modifiers: [MODIFIER.magnification] }));

  it('compares strings without regard to case, and lists joined with a backslash', () => {
    expect(evaluateRules([rule({ attribute: 'modality', equals: 'mg' })], rcc).matched).toBe(true);
    expect(evaluateRules([rule({ attribute: 'patientOrientation', equals: 'P\\L' })], rcc).matched).toBe(true);
    expect(evaluateRules([rule({ attribute: 'view', oneOf: ['MLO', 'ML'] })], rcc).matched).toBe(false);
    expect(evaluateRules([rule({ attribute: 'view', noneOf: ['MLO'] })], rcc).matched).toBe(true);
  });

  it('tests membership with contains on lists and substrings on strings', () => {
    expect(evaluateRules([rule({ attribute: 'viewModifiers', contains: 'M' })], mag).matched).toBe(true);
    expect(evaluateRules([rule({ attribute: 'imageType', contains: 'PRIMARY' })], rcc).matched).toBe(true);
    expect(evaluateRules([rule({ attribute: 'sopClassUID', contains: '1.1.2' })], rcc).matched).toBe(true);
  });

  it('treats an empty list as absent for exists', () => {
    expect(evaluateRules([rule({ attribute: 'viewModifiers', exists: false })], rcc).matched).toBe(true);
    expect(evaluateRules([rule({ attribute: 'viewModifiers', exists: false })], mag).matched).toBe(false);
  });

  it('fails an absent attribute unless the rule lets it pass', () => {
    const bare = attrs({ sop: '1.3' });
    expect(evaluateRules([rule({ attribute: 'bodyPartExamined', oneOf: ['CHEST'] })], bare).matched).toBe(false);
    expect(evaluateRules([rule({ attribute: 'bodyPartExamined', oneOf: ['CHEST'], ifAbsent: 'pass' })], bare).matched).toBe(true);
  });

  it('scores optional rules without letting them rule an image out', () => {
    const rules = [rule({ attribute: 'modality', equals: 'MG' }), rule({ attribute: 'view', equals: 'MLO', required: false, weight: 3 })];
    expect(evaluateRules(rules, rcc)).toEqual({ matched: true, score: 1 });
  });
});
