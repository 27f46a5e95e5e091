import { describe, expect, it } from 'vitest';
import type { StudyAiResult } from '../domain/ai-result';
import type { ChestReport } from './chest-report';
import { compareWithAi, isDiscordant } from './discordance';
import { DEFAULT_DISCORDANCE_RULES, DiscordanceRules } from './discordance-rules';
import { emptyMammoReport, type MammoReport } from './mammo-report';

const ai = (breasts: StudyAiResult['breasts'], findings: StudyAiResult['findings'] = []): StudyAiResult => ({
  studyInstanceUid: '1.2.3',
  pack: { id: 'p', version: '1', task: 't', name: 'n', notForClinicalUse: true },
  backend: 'node-cpu',
  durationMs: 1,
  computedAt: '2024-01-01T00:00:00Z',
  operatingPoint: { name: 'balanced', threshold: 0.5 },
  views: [],
  breasts,
  findings,
  study: { scores: {}, positive: false },
});

function mammo(r: MammoReport['breasts']['R']['assessment'], l: MammoReport['breasts']['L']['assessment']): MammoReport {
  const report = emptyMammoReport('en');
  report.breasts.R.assessment = r;
  report.breasts.L.assessment = l;
  return report;
}

describe('discordance', () => {
  it.each([
    ['0', true, 'concordant'],
    ['3', true, 'concordant'],
    ['4A', false, 'reader-only'],
    ['5', false, 'reader-only'],
    ['1', true, 'ai-only'],
    ['2', false, 'concordant'],
    ['6', true, 'not-compared'],
  ] as const)('BI-RADS %s against an AI that %s recalls: %s', (assessment, aiPositive, outcome) => {
    const [right] = compareWithAi(mammo(assessment, '1'), ai([{ laterality: 'R', scores: { m: 0.6 }, positive: aiPositive }]), DEFAULT_DISCORDANCE_RULES);
    expect(right?.outcome).toBe(outcome);
  });

  it('compares each breast on its own', () => {
    const result = compareWithAi(mammo('1', '4B'), ai([{ laterality: 'R', scores: { m: 0.8 }, positive: true }, { laterality: 'L', scores: { m: 0.1 }, positive: false }]), DEFAULT_DISCORDANCE_RULES);
    expect(result.filter(isDiscordant).map((c) => [c.id, c.outcome])).toEqual([
      ['breast:R', 'ai-only'],
      ['breast:L', 'reader-only'],
    ]);
  });

  it('chest: per finding, with uncertain counting as positive by default and configurable', () => {
    const report: ChestReport = { kind: 'chest', language: 'en', findings: { pneumothorax: 'uncertain', cardiomegaly: 'present', fracture: 'absent' }, impression: 'x', freeText: '' };
    const result = ai([], [
      { finding: 'pneumothorax', score: 0.2, positive: false },
      { finding: 'cardiomegaly', score: 0.9, positive: true },
      { finding: 'fracture', score: 0.8, positive: true },
    ]);
    expect(compareWithAi(report, result, DEFAULT_DISCORDANCE_RULES).map((c) => c.outcome)).toEqual(['reader-only', 'concordant', 'ai-only']);
    const lenient = DiscordanceRules.parse({ ...DEFAULT_DISCORDANCE_RULES, chest: { state: { present: 'positive', absent: 'negative', uncertain: 'not-compared' } } });
    expect(compareWithAi(report, result, lenient).map((c) => c.outcome)).toEqual(['not-compared', 'concordant', 'ai-only']);
  });

  it('rejects rules with an unknown reader call', () => {
    expect(() => DiscordanceRules.parse({ ...DEFAULT_DISCORDANCE_RULES, chest: { state: { present: 'maybe', absent: 'negative', uncertain: 'positive' } } })).toThrow();
  });
});
