import { z } from 'zod';
import { CHEST_FINDING_IDS, ChestFindingId } from '../domain/chest-findings';
import { ReportLanguage } from './report-language';

export const ChestFindingState = z.enum(['present', 'absent', 'uncertain']);
export type ChestFindingState = z.infer<typeof ChestFindingState>;

/** The reader's chest X-ray report: the 12-finding checklist, an impression and free text. */
export const ChestReport = z.object({
  kind: z.literal('chest'),
  language: ReportLanguage,
  /** A finding not yet marked is absent from the record (the reader has not decided). */
  findings: z.partialRecord(ChestFindingId, ChestFindingState).default({}),
  impression: z.string().max(4000).default(''),
  freeText: z.string().max(8000).default(''),
});
export type ChestReport = z.infer<typeof ChestReport>;

export function emptyChestReport(language: ReportLanguage): ChestReport {
  return { kind: 'chest', language, findings: {}, impression: '', freeText: '' };
}

export { CHEST_FINDING_IDS };
