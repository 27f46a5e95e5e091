import { describe, expect, it } from 'vitest';
import type { StudyAiResult } from '../../../shared/domain/ai-result';
import { formatDuration, formatScore, studyCategory, topLabel, viewName } from './resultSummary';

const result = (patch: Partial<StudyAiResult>): StudyAiResult => ({
  studyInstanceUid: '1.2',
  pack: { id: 'p', version: '1.0.0', task: 'mammography-lesion', name: 'P', notForClinicalUse: true },
  backend: 'wasm',
  durationMs: 10,
  computedAt: '2026-01-01T00:00:00Z',
  operatingPoint: { name: 'op', threshold: 0.5 },
  views: [],
  breasts: [],
  findings: [],
  study: { scores: { suspicious: 0.7 }, positive: true },
  ...patch,
});

describe('result summary', () => {
  it('names views as a radiologist does', () => {
    expect(viewName({ laterality: 'R', view: 'CC' }, '#1')).toBe('R CC');
    expect(viewName({ view: 'PA' }, '#1')).toBe('PA');
    expect(viewName({}, '#2')).toBe('#2');
  });

  it('gives a density pack its top class, and a detector positive or negative at the operating point', () => {
    expect(studyCategory(result({ pack: { id: 'd', version: '1', task: 'mammography-density', name: 'D', notForClinicalUse: true }, study: { scores: { A: 0.1, B: 0.7, C: 0.2 }, positive: false } }))).toEqual({ kind: 'class', label: 'B' });
    expect(studyCategory(result({}))).toEqual({ kind: 'positive', findings: [] });
    expect(studyCategory(result({ study: { scores: { suspicious: 0.2 }, positive: false } }))).toEqual({ kind: 'negative' });
  });

  it('lists the chest findings that reach the operating point', () => {
    const chest = result({ findings: [{ finding: 'nodule-mass', score: 0.8, positive: true }, { finding: 'cardiomegaly', score: 0.1, positive: false }] });
    expect(studyCategory(chest)).toEqual({ kind: 'positive', findings: ['nodule-mass'] });
  });

  it('formats scores and durations for the panel', () => {
    expect(topLabel({})).toBeUndefined();
    expect(formatScore(0.8349)).toBe('0.83');
    expect(formatScore(Number.NaN)).toBe('—');
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(2440)).toBe('2.4 s');
  });
});
