import { z } from 'zod';
import { assessmentCategory, type BiRadsAssessment } from './birads-lexicon';
import { ChestReport, CHEST_FINDING_IDS } from './chest-report';
import { MammoReport } from './mammo-report';

/** The reader's structured report, mammography or chest. */
export const ReaderReport = z.discriminatedUnion('kind', [MammoReport, ChestReport]);
export type ReaderReport = z.infer<typeof ReaderReport>;
export type ReaderReportInput = z.input<typeof ReaderReport>;
export type ReportKind = ReaderReport['kind'];

/** Which item of the report is missing; the editor jumps there, the service refuses to sign. */
export interface MissingItem {
  field: string;
  message: string;
}

/** What must be filled before a report can be signed. */
export function missingForSigning(report: ReaderReport): MissingItem[] {
  const missing: MissingItem[] = [];
  if (report.kind === 'chest') {
    for (const id of CHEST_FINDING_IDS) {
      if (!report.findings[id]) missing.push({ field: `findings.${id}`, message: `Mark "${id}" as present, absent or uncertain.` });
    }
    if (!report.impression.trim()) missing.push({ field: 'impression', message: 'Write an impression.' });
    return missing;
  }
  if (!report.composition) missing.push({ field: 'composition', message: 'Choose the breast composition (a–d).' });
  for (const side of ['R', 'L'] as const) {
    if (!report.breasts[side].assessment) missing.push({ field: `breasts.${side}.assessment`, message: `Choose the BI-RADS assessment of the ${side === 'R' ? 'right' : 'left'} breast.` });
  }
  if (!report.overallAssessment) missing.push({ field: 'overallAssessment', message: 'Choose the overall BI-RADS assessment.' });
  if (!report.management) missing.push({ field: 'management', message: 'Choose the management recommendation.' });
  return missing;
}

/** BI-RADS order of concern for the overall assessment: 1 < 2 < 3 < 6 < 0 < 4 < 5. */
const CONCERN = [1, 2, 3, 6, 0, 4, 5];

/** The overall assessment is the most concerning of the two breasts. */
export function overallFromBreasts(r: BiRadsAssessment | undefined, l: BiRadsAssessment | undefined): BiRadsAssessment | undefined {
  if (!r || !l) return r ?? l;
  const rank = (a: BiRadsAssessment) => CONCERN.indexOf(assessmentCategory(a)) * 10 + (a.length > 1 ? a.charCodeAt(1) - 64 : 0);
  return rank(r) >= rank(l) ? r : l;
}
