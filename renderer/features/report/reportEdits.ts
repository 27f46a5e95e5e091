import type { BreastSide, MammoFinding, MammoReport } from '../../../shared/report/mammo-report';
import { defaultManagement } from '../../../shared/report/birads-lexicon';
import { overallFromBreasts } from '../../../shared/report/reader-report';
import type { ChestFindingState, ChestReport } from '../../../shared/report/chest-report';
import type { ChestFindingId } from '../../../shared/domain/chest-findings';

/**
 * Pure edits of a report draft, as the editor's controls apply them. Choosing a breast's
 * assessment also proposes the overall assessment and the recommendation that BI-RADS pairs with
 * it, until the reader sets those themselves.
 */
export function setBreastAssessment(report: MammoReport, side: BreastSide, assessment: MammoReport['breasts']['R']['assessment']): MammoReport {
  const breasts = { ...report.breasts, [side]: { ...report.breasts[side], assessment } };
  const suggested = overallFromBreasts(breasts.R.assessment, breasts.L.assessment);
  const previousSuggestion = overallFromBreasts(report.breasts.R.assessment, report.breasts.L.assessment);
  const followSuggestion = report.overallAssessment === undefined || report.overallAssessment === previousSuggestion;
  const overallAssessment = followSuggestion ? suggested : report.overallAssessment;
  const managementFollows = report.management === undefined || (report.overallAssessment !== undefined && report.management === defaultManagement(report.overallAssessment));
  return {
    ...report,
    breasts,
    overallAssessment,
    management: managementFollows && overallAssessment ? defaultManagement(overallAssessment) : report.management,
  };
}

export function setOverall(report: MammoReport, overallAssessment: MammoReport['overallAssessment']): MammoReport {
  const managementFollows = report.management === undefined || (report.overallAssessment !== undefined && report.management === defaultManagement(report.overallAssessment));
  return { ...report, overallAssessment, management: managementFollows && overallAssessment ? defaultManagement(overallAssessment) : report.management };
}

let counter = 0;
export function addFinding(report: MammoReport, side: BreastSide, type: MammoFinding['type']): MammoReport {
  const ids = new Set([...report.breasts.R.findings, ...report.breasts.L.findings].map((f) => f.id));
  let id: string;
  do id = `f${++counter}`;
  while (ids.has(id));
  const finding: MammoFinding = { id, type, location: {}, associatedFeatures: [] };
  return { ...report, breasts: { ...report.breasts, [side]: { ...report.breasts[side], findings: [...report.breasts[side].findings, finding] } } };
}

export function updateFinding(report: MammoReport, side: BreastSide, id: string, change: (f: MammoFinding) => MammoFinding): MammoReport {
  return { ...report, breasts: { ...report.breasts, [side]: { ...report.breasts[side], findings: report.breasts[side].findings.map((f) => (f.id === id ? change(f) : f)) } } };
}

export function removeFinding(report: MammoReport, side: BreastSide, id: string): MammoReport {
  return { ...report, breasts: { ...report.breasts, [side]: { ...report.breasts[side], findings: report.breasts[side].findings.filter((f) => f.id !== id) } } };
}

export function setChestFinding(report: ChestReport, id: ChestFindingId, state: ChestFindingState): ChestReport {
  return { ...report, findings: { ...report.findings, [id]: state } };
}

/** Marks every finding not yet marked as absent: the common case of a normal chest in one key. */
export function markRestAbsent(report: ChestReport, ids: readonly ChestFindingId[]): ChestReport {
  return { ...report, findings: Object.fromEntries(ids.map((id) => [id, report.findings[id] ?? 'absent'])) };
}
