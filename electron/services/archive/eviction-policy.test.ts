import { describe, expect, it } from 'vitest';
import { chooseEvictions } from './eviction-policy';

const study = (uid: string, bytes: number, lastAccess: number) => ({ studyInstanceUID: uid, bytes, lastAccess });

describe('chooseEvictions', () => {
  it('removes nothing while the archive fits its budget', () => {
    expect(chooseEvictions([study('1', 50, 1), study('2', 40, 2)], 100, () => false)).toEqual([]);
  });

  it('removes the least recently used studies first, down to 90 % of the budget', () => {
    const studies = [study('new', 40, 30), study('old', 40, 10), study('mid', 40, 20)];
    expect(chooseEvictions(studies, 100, () => false)).toEqual(['old']);
  });

  it('never removes a study with unsent or unsigned work, even when it is the oldest', () => {
    const studies = [study('unsent', 60, 1), study('a', 30, 2), study('b', 30, 3)];
    expect(chooseEvictions(studies, 100, (uid) => uid === 'unsent')).toEqual(['a']);
  });

  it('stays over budget rather than touch protected studies', () => {
    expect(chooseEvictions([study('p1', 80, 1), study('p2', 80, 2)], 100, () => true)).toEqual([]);
  });
});
