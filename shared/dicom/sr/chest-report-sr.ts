import type { ChestReport } from '../../report/chest-report';
import { CHEST_FINDING_IDS } from '../../report/chest-report';
import { code } from '../../report/coded-concept';
import { label } from '../../report/lexicon-labels';
import { codeItem, container, textItem, type ContentItem } from './content-items';
import { languageOfContent, personObserver } from './common-context';
import { LOCAL, LOCAL_SCHEME, SR } from './sr-codes';
import type { SignedReport } from './breast-imaging-report';

export const CHEST_STATE_CODE = { present: SR.present, absent: SR.absent, uncertain: SR.equivocal } as const;

/** A chest checklist finding as a local code (no verified SNOMED code covers each pair of the 12). */
export function chestFindingCode(id: (typeof CHEST_FINDING_IDS)[number]) {
  return code(SHORT_VALUE[id] ?? id, LOCAL_SCHEME, label('en', `chest.${id}`));
}

/** Code values are SH (16 characters); two finding ids are longer. */
const SHORT_VALUE: Partial<Record<(typeof CHEST_FINDING_IDS)[number], string>> = { 'infiltrate-consolidation': 'infiltrate', 'hilar-enlargement': 'hilar-enlarged' };

/**
 * The reader's signed chest X-ray report as a Comprehensive SR (TID 2000 layout): each of the 12
 * checklist findings coded present/absent/equivocal, the impression and free text.
 */
export function chestReportSr(report: ChestReport, signed: SignedReport): ContentItem {
  const findings = CHEST_FINDING_IDS.filter((id) => report.findings[id]).map((id) => codeItem('CONTAINS', chestFindingCode(id), CHEST_STATE_CODE[report.findings[id]!]));
  const children: ContentItem[] = [languageOfContent(report.language), ...personObserver(signed.readerName), container('CONTAINS', SR.findings, findings)];
  const conclusions: ContentItem[] = [];
  if (report.impression.trim()) conclusions.push(textItem('CONTAINS', SR.impression, report.impression.trim()));
  if (report.freeText.trim()) conclusions.push(textItem('CONTAINS', SR.comment, report.freeText.trim()));
  if (signed.revisionReason) conclusions.push(textItem('CONTAINS', LOCAL.revisionReason, signed.revisionReason));
  if (conclusions.length) children.push(container('CONTAINS', code('121072', 'DCM', 'Impressions'), conclusions));
  return container(undefined, SR.diagnosticImagingReport, children, '2000');
}
