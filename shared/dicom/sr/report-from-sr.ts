import {
  ASSESSMENT,
  ASSOCIATED_FEATURE,
  ASYMMETRY,
  BREAST_COMPOSITION,
  CALCIFICATION_DISTRIBUTION,
  CALCIFICATION_MORPHOLOGY,
  CLOCK_FACE,
  CLOCK_SPECIAL,
  DEPTH,
  FINDING_TYPE,
  LATERALITY_CODE,
  MASS_DENSITY,
  MASS_MARGIN,
  MASS_SHAPE,
  MANAGEMENT_RECOMMENDATIONS,
} from '../../report/birads-lexicon';
import { sameConcept } from '../../report/coded-concept';
import { CHEST_FINDING_IDS, type ChestReport } from '../../report/chest-report';
import { LEXICON_LABELS } from '../../report/lexicon-labels';
import type { MammoFinding, MammoReport } from '../../report/mammo-report';
import { ReaderReport } from '../../report/reader-report';
import type { ReportLanguage } from '../../report/report-language';
import { CHEST_STATE_CODE, chestFindingCode } from './chest-report-sr';
import { LANGUAGE_CODE } from './common-context';
import { asArray, childNamed, childrenNamed, childrenOf, codeOf, keyOfCode, nameOf, numberOf, text, type ReadItem } from './sr-reader';
import { LOCAL, SR } from './sr-codes';

export interface DecodedReport {
  report: ReaderReport;
  revisionReason?: string;
  observer?: string;
}

function languageOf(root: ReadItem): ReportLanguage {
  return keyOfCode(LANGUAGE_CODE, codeOf(childNamed(root, SR.language) ?? {})) ?? 'en';
}

function textChild(item: ReadItem, name: Parameters<typeof childNamed>[1]): string | undefined {
  const c = childNamed(item, name);
  return c ? text(c['TextValue']) : undefined;
}

function decodeFinding(item: ReadItem, language: ReportLanguage, index: number, seriesOf: (sop: string) => string): MammoFinding | undefined {
  const type = keyOfCode(FINDING_TYPE, codeOf(item));
  if (!type) return undefined;
  const code = (name: Parameters<typeof childNamed>[1]) => codeOf(childNamed(item, name) ?? {});
  const textOrCode = <K extends string>(name: Parameters<typeof childNamed>[1], table: Record<K, unknown>, labelPrefix: string): K | undefined => {
    const c = childNamed(item, name);
    if (!c) return undefined;
    const byCode = keyOfCode(table as Record<K, Parameters<typeof sameConcept>[0]>, codeOf(c));
    if (byCode) return byCode;
    const t = text(c['TextValue']);
    return (Object.keys(table) as K[]).find((k) => LEXICON_LABELS[language][`${labelPrefix}.${k}`] === t || LEXICON_LABELS.en[`${labelPrefix}.${k}`] === t);
  };
  const clockCode = code(SR.clockFace);
  const hour = keyOfCode(CLOCK_FACE as Record<string, Parameters<typeof sameConcept>[0]>, clockCode);
  const special = keyOfCode(CLOCK_SPECIAL, clockCode);
  const distance = childNamed(item, SR.distanceFromNipple);
  const centre = childNamed(item, SR.center);
  const centreImage = centre ? asArray(childrenOf(centre)[0]?.['ReferencedSOPSequence'])[0] : undefined;
  const graphic = centre ? asArray<number>(centre['GraphicData']) : [];
  const shape = keyOfCode(MASS_SHAPE, code(SR.shape));
  const margin = keyOfCode(MASS_MARGIN, code(SR.margin));
  const density = keyOfCode(MASS_DENSITY, code(SR.density));
  const morphology = textOrCode(SR.calcMorphology, CALCIFICATION_MORPHOLOGY, 'morphology');
  const distribution = keyOfCode(CALCIFICATION_DISTRIBUTION, code(SR.calcDistribution));
  return {
    id: `f${index + 1}`,
    type,
    ...(shape || margin || density ? { mass: { shape, margin, density } } : {}),
    ...(morphology || distribution ? { calcification: { morphology: morphology as NonNullable<MammoFinding['calcification']>['morphology'], distribution } } : {}),
    ...(childNamed(item, SR.finding) ? { asymmetry: textOrCode(SR.finding, ASYMMETRY, 'asymmetry') as MammoFinding['asymmetry'] } : {}),
    location: {
      clock: hour ? Number(hour) : special,
      depth: keyOfCode(DEPTH, code(SR.depth)),
      distanceFromNippleCm: distance ? numberOf(distance) : undefined,
      point:
        centreImage && graphic.length >= 2
          ? { seriesInstanceUID: seriesOf(text(centreImage['ReferencedSOPInstanceUID'])), sopInstanceUID: text(centreImage['ReferencedSOPInstanceUID']), sopClassUID: text(centreImage['ReferencedSOPClassUID']), column: Number(graphic[0]), row: Number(graphic[1]) }
          : undefined,
    },
    associatedFeatures: childrenNamed(item, SR.associatedFinding)
      .map((c) => keyOfCode(ASSOCIATED_FEATURE, codeOf(c)))
      .filter((k): k is keyof typeof ASSOCIATED_FEATURE => k !== undefined),
  };
}

/** The series of each referenced image, from the evidence sequence. */
function seriesLookup(root: ReadItem): (sop: string) => string {
  const map = new Map<string, string>();
  for (const study of asArray(root['CurrentRequestedProcedureEvidenceSequence'])) {
    for (const series of asArray(study['ReferencedSeriesSequence'])) {
      for (const sop of asArray(series['ReferencedSOPSequence'])) map.set(text(sop['ReferencedSOPInstanceUID']), text(series['SeriesInstanceUID']));
    }
  }
  return (sop) => map.get(sop) ?? 'unknown';
}

function decodeMammo(root: ReadItem): DecodedReport {
  const language = languageOf(root);
  const seriesOf = seriesLookup(root);
  const narrativeSummary = childNamed(root, SR.narrativeSummary) ?? {};
  const supplementary = childNamed(root, SR.supplementaryData) ?? {};
  const report: MammoReport = { kind: 'mammo', language, breasts: { R: { findings: [] }, L: { findings: [] } }, comment: textChild(narrativeSummary, SR.comment) ?? '' };
  report.composition = keyOfCode(BREAST_COMPOSITION, codeOf(childNamed(supplementary, SR.breastComposition) ?? {}));
  for (const container of childrenNamed(supplementary, SR.findings)) {
    const side = keyOfCode({ R: LATERALITY_CODE.R, L: LATERALITY_CODE.L }, codeOf(childNamed(container, SR.laterality) ?? {}));
    if (!side) continue;
    report.breasts[side] = {
      findings: childrenNamed(container, SR.finding)
        .map((f, i) => decodeFinding(f, language, i, seriesOf))
        .filter((f): f is MammoFinding => f !== undefined),
      assessment: keyOfCode(ASSESSMENT, codeOf(childNamed(container, SR.assessmentCategory) ?? {})),
    };
  }
  const overall = childNamed(supplementary, SR.overallAssessment) ?? {};
  report.overallAssessment = keyOfCode(ASSESSMENT, codeOf(childNamed(overall, SR.assessmentCategory) ?? {}));
  const followUp = childNamed(overall, SR.recommendedFollowUp);
  const management = followUp ? textChild(followUp, SR.recommendation) : undefined;
  report.management = MANAGEMENT_RECOMMENDATIONS.find((m) => m === management);
  return { report: ReaderReport.parse(report), revisionReason: textChild(narrativeSummary, LOCAL.revisionReason) };
}

function decodeChest(root: ReadItem): DecodedReport {
  const language = languageOf(root);
  const findingsContainer = childNamed(root, SR.findings) ?? {};
  const report: ChestReport = { kind: 'chest', language, findings: {}, impression: '', freeText: '' };
  for (const id of CHEST_FINDING_IDS) {
    const item = childNamed(findingsContainer, chestFindingCode(id));
    const state = item ? keyOfCode(CHEST_STATE_CODE, codeOf(item)) : undefined;
    if (state) report.findings[id] = state;
  }
  const impressions = childrenOf(root).find((c) => nameOf(c)?.value === '121072') ?? {};
  report.impression = textChild(impressions, SR.impression) ?? '';
  report.freeText = textChild(impressions, SR.comment) ?? '';
  return { report: ReaderReport.parse(report), revisionReason: textChild(impressions, LOCAL.revisionReason) };
}

/**
 * Reads a Tandem report SR (TID 4200 or the chest Comprehensive SR) back into the report model.
 * Returns undefined for SR documents of other kinds (a CAD SR, another vendor's report).
 */
export function reportFromSr(dataset: ReadItem): DecodedReport | undefined {
  const title = nameOf(dataset);
  const observerItem = childrenOf(dataset).find((c) => sameConcept(nameOf(c), SR.personObserverName));
  const observer = observerItem ? text(observerItem['PersonName']) : undefined;
  if (sameConcept(title, SR.breastImagingReport)) return { ...decodeMammo(dataset), observer };
  if (sameConcept(title, SR.diagnosticImagingReport) && childNamed(dataset, SR.findings)) return { ...decodeChest(dataset), observer };
  return undefined;
}
