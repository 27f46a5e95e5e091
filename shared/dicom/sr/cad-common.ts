import type { StudyAiResult, ViewResult } from '../../domain/ai-result';
import { LATERALITY_CODE } from '../../report/birads-lexicon';
import { code, type CodedConcept } from '../../report/coded-concept';
import type { ImagePoint } from '../../report/mammo-report';
import type { AiFeedback } from '../../report/reading-session';
import { codeItem, container, imageItem, numItem, referenceTo, scoordItem, textItem, UCUM_NONE, UCUM_PERCENT, type ContentItem } from './content-items';
import { LOCAL, SR } from './sr-codes';
import type { SourceImage } from './study-context';

/** CID 4014 / CID 4010 views, by the abbreviation the hanging code reads. */
const VIEW_CODE: Record<string, CodedConcept> = {
  CC: code('399162004', 'SCT', 'cranio-caudal'),
  MLO: code('399368009', 'SCT', 'medio-lateral oblique'),
  ML: code('399260004', 'SCT', 'medio-lateral'),
  LM: code('399352003', 'SCT', 'latero-medial'),
  XCCL: code('399192008', 'SCT', 'cranio-caudal exaggerated laterally'),
  PA: code('272479007', 'SCT', 'postero-anterior'),
  AP: code('399348003', 'SCT', 'antero-posterior'),
  LL: code('399173006', 'SCT', 'left lateral'),
  RL: code('399198007', 'SCT', 'right lateral'),
};

/** The Image Library (TID 4020) entries of the images the AI read, with laterality and view. */
export function imageLibrary(images: SourceImage[]): ContentItem {
  return container(
    'CONTAINS',
    SR.imageLibrary,
    images.map((image) => {
      const context: ContentItem[] = [];
      if (image.laterality) context.push(codeItem('HAS ACQ CONTEXT', SR.imageLaterality, LATERALITY_CODE[image.laterality]));
      const view = image.view ? VIEW_CODE[image.view.toUpperCase()] : undefined;
      if (view) context.push(codeItem('HAS ACQ CONTEXT', SR.imageView, view));
      return imageItem('CONTAINS', image, context);
    }),
  );
}

/** Where on the image the AI points: the first mark's centroid, else the heatmap's peak, else the centre. */
export function centreOf(view: ViewResult, image: SourceImage): [number, number] | undefined {
  const mark = view.marks[0];
  if (mark) {
    const xs = mark.polygon.filter((_, i) => i % 2 === 0);
    const ys = mark.polygon.filter((_, i) => i % 2 === 1);
    return [xs.reduce((a, b) => a + b, 0) / xs.length, ys.reduce((a, b) => a + b, 0) / ys.length];
  }
  if (!image.columns || !image.rows) return undefined;
  const heatmap = view.heatmap;
  if (heatmap) {
    const bytes = base64Bytes(heatmap.data);
    let best = 0;
    for (let i = 1; i < bytes.length; i++) if ((bytes[i] ?? 0) > (bytes[best] ?? 0)) best = i;
    const cx = (best % heatmap.width) + 0.5;
    const cy = Math.floor(best / heatmap.width) + 0.5;
    return [(cx * image.columns) / heatmap.width, (cy * image.rows) / heatmap.height];
  }
  return [image.columns / 2, image.rows / 2];
}

/** base64 without Node's Buffer (this runs in the renderer too). */
export function base64Bytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export const FEEDBACK_CODE = { agree: LOCAL.agree, disagree: LOCAL.disagree, 'false-positive': LOCAL.falsePositive } as const;

export interface FindingInput {
  value: CodedConcept;
  positive: boolean;
  score: number | undefined;
  /** 1-based index of the image in the library, with the point on it. */
  center?: { libraryIndex: number; point: [number, number] };
  /** The reader's latest verdict on this finding. */
  feedback?: AiFeedback;
  /** Where the reader marked the AI's false positives on this finding's image. */
  falsePositiveMarks?: ImagePoint[];
  /** The study's images, to reference the image a false-positive mark was placed on. */
  images?: SourceImage[];
}

/**
 * One Single Image Finding (TID 4006 / 4104): rendering intent (Required when the AI calls it
 * positive at the operating point, else Optional carrying the operating point), algorithm
 * identification, certainty, the centre on its image (by reference into the Image Library), and
 * the reader's feedback on it.
 */
export function singleImageFinding(ai: StudyAiResult, input: FindingInput, libraryPath: number[]): ContentItem {
  const intent = input.positive
    ? codeItem('HAS CONCEPT MOD', SR.renderingIntent, SR.presentationRequired)
    : codeItem('HAS CONCEPT MOD', SR.renderingIntent, SR.presentationOptional, [numItem('HAS PROPERTIES', SR.operatingPoint, ai.operatingPoint.threshold, UCUM_NONE)]);
  const children: ContentItem[] = [
    intent,
    textItem('HAS PROPERTIES', SR.algorithmName, ai.pack.name),
    textItem('HAS PROPERTIES', SR.algorithmVersion, `${ai.pack.id} ${ai.pack.version}`),
    textItem('HAS PROPERTIES', code('111002', 'DCM', 'Algorithm Parameters'), `operating point ${ai.operatingPoint.name} (threshold ${ai.operatingPoint.threshold})`),
  ];
  if (input.score !== undefined) children.push(numItem('HAS PROPERTIES', SR.certaintyOfFinding, Math.round(Math.min(1, Math.max(0, input.score)) * 1000) / 10, UCUM_PERCENT));
  if (input.center) children.push(scoordItem('HAS PROPERTIES', SR.center, 'POINT', input.center.point, referenceTo('SELECTED FROM', [...libraryPath, input.center.libraryIndex])));
  if (input.feedback) {
    const fb: ContentItem[] = [];
    if (input.feedback.note) fb.push(textItem('HAS PROPERTIES', SR.comment, input.feedback.note));
    // Where the reader marked the AI's false positives, each on the image it was marked on.
    for (const mark of input.falsePositiveMarks ?? []) {
      const markImage = input.images?.find((i) => i.sopInstanceUID === mark.sopInstanceUID);
      if (markImage) fb.push(scoordItem('HAS PROPERTIES', SR.center, 'POINT', [mark.column, mark.row], imageItem('SELECTED FROM', markImage)));
    }
    children.push(codeItem('HAS PROPERTIES', LOCAL.readerFeedback, FEEDBACK_CODE[input.feedback.verdict], fb));
  }
  return codeItem('CONTAINS', SR.singleImageFinding, input.value, children);
}

/** Summary of Detections / Analyses: every algorithm that ran succeeded (a failed run makes no result). */
export function cadSummaries(): ContentItem[] {
  return [codeItem('CONTAINS', SR.summaryOfDetections, SR.succeeded), codeItem('CONTAINS', SR.summaryOfAnalyses, SR.succeeded)];
}
