import { describe, expect, it } from 'vitest';
import { auc, sensSpec } from './roc';

describe('roc', () => {
  it('gives 1 for perfect ranking, 0.5 for ties, and counts sensitivity/specificity', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(auc([0.1, 0.9, 0.5], [true, false, false])).toBe(0);
    expect(sensSpec([0.9, 0.4, 0.6, 0.1], [true, true, false, false], 0.5)).toEqual({ sensitivity: 0.5, specificity: 0.5 });
  });
});
