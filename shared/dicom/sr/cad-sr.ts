import type { StudyAiResult } from '../../domain/ai-result';
import { CHEST_FINDING_IDS } from '../../domain/chest-findings';
import { LATERALITY_CODE } from '../../report/birads-lexicon';
import type { AiFeedback, ReadingKind } from '../../report/reading-session';
import { cadSummaries, centreOf, imageLibrary, singleImageFinding } from './cad-common';
import { chestFindingCode } from './chest-report-sr';
import { languageOfContent } from './common-context';
import { codeItem, container, type ContentItem } from './content-items';
import { SR } from './sr-codes';
import type { SourceImage } from './study-context';

/** The root's children are: language (1), Image Library (2), summary (3), …; paths are 1-based from the root. */
const LIBRARY_PATH = [1, 2];

/**
 * The AI's read as Mammography CAD SR (TID 4000) or Chest CAD SR (TID 4100), carrying the
 * algorithm's name and version, the operating point, and the reader's feedback per finding.
 * Mammography: one Individual Impression per breast (Required when the AI would recall it) with
 * a Single Image Finding per view; chest: a Single Image Finding per checklist finding.
 */
export function cadSr(kind: ReadingKind, ai: StudyAiResult, images: SourceImage[], feedback: AiFeedback[]): ContentItem {
  const library = images.filter((i) => ai.views.some((v) => v.sopInstanceUid === i.sopInstanceUID));
  const libraryIndex = (sop: string) => library.findIndex((i) => i.sopInstanceUID === sop) + 1;
  const feedbackFor = (id: string) => feedback.filter((f) => f.targetId === id).at(-1);
  /** False-positive marks on `sops` (the first finding also takes marks placed on other images). */
  const marksFor = (id: string, sop: string | undefined, all: string[]) =>
    feedback
      .filter((f) => f.targetId === id && f.verdict === 'false-positive' && f.point)
      .map((f) => f.point!)
      .filter((p) => p.sopInstanceUID === sop || (sop === all[0] && !all.includes(p.sopInstanceUID)));
  const impressions: ContentItem[] = [];

  if (kind === 'mammo') {
    for (const breast of ai.breasts) {
      const views = ai.views.filter((v) => v.laterality === breast.laterality);
      const sops = views.map((v) => v.sopInstanceUid);
      const findings = views.map((view) => {
        const image = library[libraryIndex(view.sopInstanceUid) - 1];
        const point = image ? centreOf(view, image) : undefined;
        const score = Math.max(...Object.values(view.scores), 0);
        return singleImageFinding(ai, { value: SR.mammographyDensity, positive: breast.positive, score, center: point && image ? { libraryIndex: libraryIndex(view.sopInstanceUid), point } : undefined, feedback: feedbackFor(`breast:${breast.laterality}`), falsePositiveMarks: marksFor(`breast:${breast.laterality}`, view.sopInstanceUid, sops), images }, LIBRARY_PATH);
      });
      impressions.push(
        container('INFERRED FROM', SR.individualImpression, [
          codeItem('HAS CONCEPT MOD', SR.renderingIntent, breast.positive ? SR.presentationRequired : SR.presentationOptional),
          codeItem('HAS CONCEPT MOD', SR.laterality, LATERALITY_CODE[breast.laterality]),
          ...findings,
        ]),
      );
    }
  } else {
    const view = ai.views[0];
    const image = view ? library[libraryIndex(view.sopInstanceUid) - 1] : undefined;
    for (const id of CHEST_FINDING_IDS) {
      const f = ai.findings.find((x) => x.finding === id);
      if (!f) continue;
      const mark = view?.marks.find((m) => m.label === id);
      const point = view && image && mark ? centreOf({ ...view, marks: [mark] }, image) : undefined;
      impressions.push(
        container('INFERRED FROM', SR.individualImpression, [
          codeItem('HAS CONCEPT MOD', SR.renderingIntent, f.positive ? SR.presentationRequired : SR.presentationOptional),
          singleImageFinding(ai, { value: chestFindingCode(id), positive: f.positive, score: f.score, center: point && view ? { libraryIndex: libraryIndex(view.sopInstanceUid), point } : undefined, feedback: feedbackFor(`finding:${id}`), falsePositiveMarks: marksFor(`finding:${id}`, view?.sopInstanceUid, view ? [view.sopInstanceUid] : []), images }, LIBRARY_PATH),
        ]),
      );
    }
  }
  const anyPositive = kind === 'mammo' ? ai.breasts.some((b) => b.positive) : ai.findings.some((f) => f.positive);
  const summary = codeItem('CONTAINS', SR.cadSummary, anyPositive ? SR.allSucceededWithFindings : SR.allSucceededNoFindings, impressions);
  return container(undefined, kind === 'mammo' ? SR.mammoCadReport : SR.chestCadReport, [languageOfContent('en'), imageLibrary(library), summary, ...cadSummaries()], kind === 'mammo' ? '4000' : '4100');
}
