import { describe, expect, it } from 'vitest';
import { CHEST_FINDING_IDS } from '../../../shared/domain/chest-findings';
import { emptyChestReport } from '../../../shared/report/chest-report';
import { emptyMammoReport } from '../../../shared/report/mammo-report';
import { addFinding, markRestAbsent, removeFinding, setBreastAssessment, setChestFinding, setOverall } from './reportEdits';

describe('report edits', () => {
  it('proposes the overall assessment and recommendation from the breasts until the reader overrides them', () => {
    let r = setBreastAssessment(emptyMammoReport('en'), 'R', '1');
    expect([r.overallAssessment, r.management]).toEqual(['1', 'routine-screening']);
    r = setBreastAssessment(r, 'L', '4A');
    expect([r.overallAssessment, r.management]).toEqual(['4A', 'tissue-diagnosis']);
    r = setOverall(r, '0');
    expect(r.management).toBe('recall-additional-imaging');
    r = setBreastAssessment(r, 'L', '2');
    expect(r.overallAssessment, 'a reader-chosen overall stays').toBe('0');
  });

  it('adds and removes findings with unique ids', () => {
    let r = addFinding(emptyMammoReport('ru'), 'R', 'mass');
    r = addFinding(r, 'L', 'calcification');
    const ids = [...r.breasts.R.findings, ...r.breasts.L.findings].map((f) => f.id);
    expect(new Set(ids).size).toBe(2);
    r = removeFinding(r, 'R', ids[0]!);
    expect(r.breasts.R.findings).toEqual([]);
    expect(r.breasts.L.findings).toHaveLength(1);
  });

  it('marks the rest of the chest checklist absent without touching marked findings', () => {
    const r = markRestAbsent(setChestFinding(emptyChestReport('en'), 'pneumothorax', 'present'), CHEST_FINDING_IDS);
    expect(Object.keys(r.findings)).toHaveLength(12);
    expect(r.findings.pneumothorax).toBe('present');
    expect(r.findings.cardiomegaly).toBe('absent');
  });
});
