import { LATERALITY_CODE } from '../../report/birads-lexicon';
import { sameConcept } from '../../report/coded-concept';
import { CHEST_FINDING_IDS } from '../../report/chest-report';
import type { ReadBackCad } from '../../report/read-back';
import { FEEDBACK_CODE } from './cad-common';
import { chestFindingCode } from './chest-report-sr';
import { asArray, childNamed, childrenNamed, childrenOf, codeOf, keyOfCode, nameOf, numberOf, text, type ReadItem } from './sr-reader';
import { LOCAL, SR } from './sr-codes';

function findingDetails(finding: ReadItem) {
  const name = childNamed(finding, SR.algorithmName);
  const version = childNamed(finding, SR.algorithmVersion);
  const certainty = childNamed(finding, SR.certaintyOfFinding);
  const feedback = childNamed(finding, LOCAL.readerFeedback);
  const mark = feedback ? childNamed(feedback, SR.center) : undefined;
  const markImage = mark ? asArray(childrenOf(mark)[0]?.['ReferencedSOPSequence'])[0] : undefined;
  const markData = mark ? asArray<number>(mark['GraphicData']) : [];
  const intent = childNamed(finding, SR.renderingIntent);
  const op = intent ? childNamed(intent, SR.operatingPoint) : undefined;
  return {
    algorithmName: name ? text(name['TextValue']) : '',
    algorithmVersion: version ? text(version['TextValue']) : '',
    certaintyPercent: certainty ? numberOf(certainty) : undefined,
    feedback: feedback ? keyOfCode(FEEDBACK_CODE, codeOf(feedback)) : undefined,
    falsePositiveMark: markImage && markData.length >= 2 ? { sopInstanceUID: text(markImage['ReferencedSOPInstanceUID']), column: Number(markData[0]), row: Number(markData[1]) } : undefined,
    operatingPoint: op ? numberOf(op) : undefined,
    positive: intent ? sameConcept(codeOf(intent), SR.presentationRequired) : false,
  };
}

/** Reads a Mammography or Chest CAD SR written by Tandem back into what the AI said and what the reader thought of it. */
export function cadFromSr(dataset: ReadItem): Omit<ReadBackCad, 'sopInstanceUID'> | undefined {
  const title = nameOf(dataset);
  const kind = sameConcept(title, SR.mammoCadReport) ? 'mammo' : sameConcept(title, SR.chestCadReport) ? 'chest' : undefined;
  if (!kind) return undefined;
  const summary = childNamed(dataset, SR.cadSummary);
  const impressions = summary ? childrenNamed(summary, SR.individualImpression) : [];
  const out: Omit<ReadBackCad, 'sopInstanceUID'> = { kind, algorithmName: '', algorithmVersion: '', findings: [] };
  for (const impression of impressions) {
    const findings = childrenNamed(impression, SR.singleImageFinding);
    const details = findings.map(findingDetails);
    const firstDetails = details[0];
    if (!firstDetails) continue;
    out.algorithmName ||= firstDetails.algorithmName;
    out.algorithmVersion ||= firstDetails.algorithmVersion;
    out.operatingPoint ??= details.find((d) => d.operatingPoint !== undefined)?.operatingPoint;
    const intent = childNamed(impression, SR.renderingIntent);
    const positive = intent ? sameConcept(codeOf(intent), SR.presentationRequired) : firstDetails.positive;
    const certainty = Math.max(...details.map((d) => d.certaintyPercent ?? 0));
    const feedback = details.find((d) => d.feedback)?.feedback;
    const falsePositiveMark = details.find((d) => d.falsePositiveMark)?.falsePositiveMark;
    if (kind === 'mammo') {
      const side = keyOfCode({ R: LATERALITY_CODE.R, L: LATERALITY_CODE.L }, codeOf(childNamed(impression, SR.laterality) ?? {}));
      out.findings.push({ target: `breast:${side ?? '?'}`, positive, certaintyPercent: certainty, feedback, ...(falsePositiveMark ? { falsePositiveMark } : {}) });
    } else {
      const id = CHEST_FINDING_IDS.find((f) => findings.some((x) => sameConcept(codeOf(x), chestFindingCode(f))));
      out.findings.push({ target: `finding:${id ?? '?'}`, positive, certaintyPercent: certainty, feedback, ...(falsePositiveMark ? { falsePositiveMark } : {}) });
    }
  }
  return out;
}

export function isSrDataset(ds: ReadItem): boolean {
  return text(ds['Modality']) === 'SR';
}
