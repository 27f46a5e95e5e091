import { describe, expect, it } from 'vitest';
import { viewLabel } from './view-label';

describe('viewLabel', () => {
  it.each([
    [{ imageLaterality: 'R', view: 'MLO', viewModifiers: [] }, 'RMLO'],
    [{ imageLaterality: 'L', view: 'CC', viewModifiers: ['ID'] }, 'LCCID'],
    [{ imageLaterality: 'R', view: 'CC', viewModifiers: ['M'] }, 'MRCC'],
    [{ imageLaterality: 'R', view: 'MLO', viewModifiers: ['AT'] }, 'RAT'],
    [{ imageLaterality: 'L', view: 'XCCL', viewModifiers: ['S', 'RL'] }, 'SLXCCLRL'],
    [{ view: 'PA', viewModifiers: [] }, 'PA'],
    [{ imageLaterality: 'R', viewModifiers: [] }, ''],
  ] as const)('labels %j as %s', (image, label) => {
    expect(viewLabel({ ...image, viewModifiers: [...image.viewModifiers] })).toBe(label);
  });
});
