import { describe, expect, it } from 'vitest';
import { describeLoadError } from './describeLoadError';

describe('describeLoadError', () => {
  it('reads Errors, strings and nested loader shapes', () => {
    expect(describeLoadError(new Error('bad codestream'))).toBe('bad codestream');
    expect(describeLoadError(959184)).toMatch(/compressed pixel data is damaged/);
    expect(describeLoadError('plain')).toBe('plain');
    expect(describeLoadError({ error: new Error('inner'), dataSet: {} })).toBe('inner');
    expect(describeLoadError({ detail: { error: 'deep' } })).toBe('deep');
    expect(describeLoadError({ message: 'msg' })).toBe('msg');
  });

  it('never returns an empty reason', () => {
    expect(describeLoadError(undefined)).toBe('unknown error');
    expect(describeLoadError('')).toBe('unknown error');
    expect(describeLoadError({ a: 1 })).toBe('{"a":1}');
  });
});
