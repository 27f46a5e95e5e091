import { describe, expect, it } from 'vitest';
import { viewAbbreviation, viewLabel } from './view-label';

describe('viewLabel', () => {
  it.each([
    [{ imageLaterality: 'R', view: 'MLO', viewModifiers: [] }, 'RMLO'],
    [{ imageLaterality: 'L', view: 'CC', viewModifiers: ['ID'] }, 'LCCID'],
    [{ imageLaterality: 'R', view: 'CC', viewModifiers: ['M'] }, 'MRCC'],
    [{ imageLaterality: 'R', view: 'MLO', viewModifiers: ['AT'] }, 'RAT'],
    [{ imageLaterality: 'L', view: 'XCCL', viewModifiers: ['S', 'RL'] }, 'SLXCCLRL'],
    [{ imageLaterality: 'L', view: 'SPECIMEN', viewModifiers: [] }, 'L specimen'],
    [{ imageLaterality: 'B', view: 'CC', viewModifiers: [] }, 'CC'],
    [{ view: 'PA', viewModifiers: [] }, 'PA'],
    [{ imageLaterality: 'R', viewModifiers: [] }, ''],
  ] as const)('labels %j as %s', (image, label) => {
    expect(viewLabel({ ...image, viewModifiers: [...image.viewModifiers] })).toBe(label);
  });
});

describe('viewAbbreviation (the view without the side, for a corner that writes the side apart)', () => {
  it.each([
    [{ view: 'CC', viewModifiers: [] }, 'CC'],
    [{ view: 'CC', viewModifiers: ['M'] }, 'MCC'],
    [{ view: 'CC', viewModifiers: ['ID'] }, 'CCID'],
    [{ view: 'CC', viewModifiers: ['CV'] }, 'CV'],
    [{ view: 'MLO', viewModifiers: ['AT'] }, 'AT'],
    [{ view: 'XCCL', viewModifiers: ['S', 'RL'] }, 'SXCCLRL'],
    [{ view: 'MLO', viewModifiers: ['OTHER'] }, 'MLO'],
    [{ view: 'SPECIMEN', viewModifiers: [] }, 'specimen'],
    [{ view: 'LAT', viewModifiers: [] }, 'LAT'],
  ] as const)('writes %j as %s', (image, abbreviation) => {
    expect(viewAbbreviation({ ...image, viewModifiers: [...image.viewModifiers] })).toBe(abbreviation);
  });

  it('gives nothing for an unknown view', () => {
    expect(viewAbbreviation({ viewModifiers: ['M'] })).toBeUndefined();
  });
});
