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
} from '../../report/birads-lexicon';
import { label } from '../../report/lexicon-labels';
import type { MammoFinding, MammoReport } from '../../report/mammo-report';
import { mammoNarrative } from '../../report/report-narrative';
import { codeItem, container, imageItem, numItem, scoordItem, textItem, UCUM_CM, type ContentItem } from './content-items';
import { languageOfContent, personObserver } from './common-context';
import { LOCAL, SR } from './sr-codes';
import type { SourceImage } from './study-context';

export interface SignedReport {
  readerName: string;
  /** Why the first read was revised after the AI read, if it was. */
  revisionReason?: string;
}

function findingItem(f: MammoFinding, language: MammoReport['language'], images: SourceImage[]): ContentItem {
  const props: ContentItem[] = [];
  const prop = (name: Parameters<typeof codeItem>[1], value: Parameters<typeof codeItem>[2] | undefined, fallback: string | undefined) => {
    if (value) props.push(codeItem('HAS PROPERTIES', name, value));
    else if (fallback) props.push(textItem('HAS PROPERTIES', name, fallback));
  };
  if (f.mass?.shape) prop(SR.shape, MASS_SHAPE[f.mass.shape], undefined);
  if (f.mass?.margin) prop(SR.margin, MASS_MARGIN[f.mass.margin], undefined);
  if (f.mass?.density) prop(SR.density, MASS_DENSITY[f.mass.density], undefined);
  if (f.calcification?.morphology) prop(SR.calcMorphology, CALCIFICATION_MORPHOLOGY[f.calcification.morphology], label(language, `morphology.${f.calcification.morphology}`));
  if (f.calcification?.distribution) prop(SR.calcDistribution, CALCIFICATION_DISTRIBUTION[f.calcification.distribution], undefined);
  if (f.asymmetry) prop(SR.finding, ASYMMETRY[f.asymmetry], label(language, `asymmetry.${f.asymmetry}`));
  const clock = f.location.clock;
  if (typeof clock === 'number') prop(SR.clockFace, CLOCK_FACE[clock], undefined);
  else if (clock) prop(SR.clockFace, CLOCK_SPECIAL[clock], undefined);
  if (f.location.depth) prop(SR.depth, DEPTH[f.location.depth], undefined);
  if (f.location.distanceFromNippleCm !== undefined) props.push(numItem('HAS PROPERTIES', SR.distanceFromNipple, f.location.distanceFromNippleCm, UCUM_CM));
  for (const a of f.associatedFeatures) props.push(codeItem('HAS PROPERTIES', SR.associatedFinding, ASSOCIATED_FEATURE[a]));
  const point = f.location.point;
  const image = point && images.find((i) => i.sopInstanceUID === point.sopInstanceUID);
  if (point && image) props.push(scoordItem('HAS PROPERTIES', SR.center, 'POINT', [point.column, point.row], imageItem('SELECTED FROM', image)));
  return codeItem('CONTAINS', SR.finding, FINDING_TYPE[f.type], props);
}

/**
 * The reader's signed mammography report as TID 4200 "Breast Imaging Report" (in a Comprehensive
 * SR): a narrative summary in the report's language, and the same content coded in the
 * supplementary data (composition, findings per breast with BI-RADS properties and location,
 * assessment per breast and overall, recommendation). Every relationship is by value.
 */
export function breastImagingReport(report: MammoReport, signed: SignedReport, images: SourceImage[]): ContentItem {
  const l = report.language;
  const narrativeItems: ContentItem[] = mammoNarrative(report).flatMap((section) => section.lines.map((line) => textItem('CONTAINS', SR.finding, `${section.heading}: ${line}`)));
  if (signed.revisionReason) narrativeItems.push(textItem('CONTAINS', LOCAL.revisionReason, signed.revisionReason));
  if (report.comment.trim()) narrativeItems.push(textItem('CONTAINS', SR.comment, report.comment.trim()));

  const supplementary: ContentItem[] = [codeItem('CONTAINS', SR.procedureReported, SR.mammography, [codeItem('HAS CONCEPT MOD', SR.laterality, LATERALITY_CODE.B)])];
  if (report.composition) supplementary.push(codeItem('CONTAINS', SR.breastComposition, BREAST_COMPOSITION[report.composition]));
  for (const side of ['R', 'L'] as const) {
    const breast = report.breasts[side];
    const children: ContentItem[] = [codeItem('HAS CONCEPT MOD', SR.laterality, LATERALITY_CODE[side])];
    children.push(...breast.findings.map((f) => findingItem(f, l, images)));
    if (breast.assessment) children.push(codeItem('CONTAINS', SR.assessmentCategory, ASSESSMENT[breast.assessment]));
    supplementary.push(container('CONTAINS', SR.findings, children));
  }
  const overall: ContentItem[] = [];
  if (report.overallAssessment) overall.push(codeItem('CONTAINS', SR.assessmentCategory, ASSESSMENT[report.overallAssessment]));
  if (report.management) overall.push(textItem('CONTAINS', SR.recommendedFollowUp, label(l, `management.${report.management}`), [textItem('HAS PROPERTIES', SR.recommendation, report.management)]));
  supplementary.push(container('CONTAINS', SR.overallAssessment, overall));

  return container(
    undefined,
    SR.breastImagingReport,
    [
      languageOfContent(l),
      ...personObserver(signed.readerName),
      container('CONTAINS', SR.narrativeSummary, narrativeItems),
      container('CONTAINS', SR.supplementaryData, supplementary),
    ],
    '4200',
  );
}
