import { describe, expect, it } from 'vitest';
import { toPersonName } from './common-context';

describe('reader name as PN', () => {
  it('splits only on a comma and never reorders words', () => {
    expect(toPersonName('Petrova, Anna')).toBe('Petrova^Anna');
    expect(toPersonName('Петрова Анна')).toBe('Петрова Анна');
    expect(toPersonName(' Smith^John ')).toBe('Smith^John');
  });
});
