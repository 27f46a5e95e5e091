import { z } from 'zod';
import { ChestFindingId } from './chest-findings';

/**
 * What the AI second reader concluded about one study with one model pack. This is the object the
 * reading session seals until the reader's first read is signed, the AI panel shows after the
 * reveal, and the CAD SR writer serialises.
 */

export const InferenceBackend = z.enum(['webgpu', 'node-cpu', 'wasm']);
export type InferenceBackend = z.infer<typeof InferenceBackend>;

export const Laterality = z.enum(['L', 'R']);
export type Laterality = z.infer<typeof Laterality>;

/** An operating point from the pack's manifest, as applied to this result. */
export const AppliedOperatingPoint = z.object({
  name: z.string(),
  threshold: z.number(),
  sensitivity: z.number().min(0).max(1).optional(),
  specificity: z.number().min(0).max(1).optional(),
});
export type AppliedOperatingPoint = z.infer<typeof AppliedOperatingPoint>;

/**
 * A heatmap in the source image's pixel frame: `width`×`height` cells covering the image's
 * columns×rows (so cell (i, j) covers columns i·cols/width … and rows j·rows/height …), values 0–1,
 * row-major, quantised to bytes and base64-encoded to cross IPC cheaply.
 */
export const Heatmap = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** base64 of width·height bytes, value/255 is the activation 0–1. */
  data: z.string(),
  /** How it was produced: a model output, class activation, or occlusion. */
  source: z.enum(['output', 'cam', 'occlusion']),
  /** Which output label it explains. */
  label: z.string(),
});
export type Heatmap = z.infer<typeof Heatmap>;

/** A scored region at the operating point, in source image pixels (for contours and CAD SR marks). */
export const AiMark = z.object({
  label: z.string(),
  score: z.number(),
  /** Polygon in image pixel coordinates [x0, y0, x1, y1, ...] (column, row). */
  polygon: z.array(z.number()).min(6),
});
export type AiMark = z.infer<typeof AiMark>;

export const ViewResult = z.object({
  studyInstanceUid: z.string(),
  seriesInstanceUid: z.string(),
  sopInstanceUid: z.string(),
  laterality: Laterality.optional(),
  /** CC, MLO, PA, LL, ... as the hanging code reads it. */
  view: z.string().optional(),
  /** Score per output label, after the manifest's activation. */
  scores: z.record(z.string(), z.number()),
  heatmap: Heatmap.optional(),
  marks: z.array(AiMark).default([]),
});
export type ViewResult = z.infer<typeof ViewResult>;

export const BreastResult = z.object({
  laterality: Laterality,
  scores: z.record(z.string(), z.number()),
  /** True when the breast's score reaches the operating point: the AI would recall. */
  positive: z.boolean(),
});
export type BreastResult = z.infer<typeof BreastResult>;

export const FindingResult = z.object({
  finding: ChestFindingId,
  score: z.number(),
  positive: z.boolean(),
});
export type FindingResult = z.infer<typeof FindingResult>;

export const StudyAiResult = z.object({
  studyInstanceUid: z.string(),
  pack: z.object({
    id: z.string(),
    version: z.string(),
    task: z.string(),
    name: z.string(),
    /** Shown beside every result from a pack whose card is not a validated clinical status. */
    notForClinicalUse: z.boolean(),
  }),
  backend: InferenceBackend,
  durationMs: z.number(),
  computedAt: z.string(),
  operatingPoint: AppliedOperatingPoint,
  views: z.array(ViewResult),
  /** Mammography: per breast. */
  breasts: z.array(BreastResult).default([]),
  /** Chest: per finding of the 12. */
  findings: z.array(FindingResult).default([]),
  study: z.object({ scores: z.record(z.string(), z.number()), positive: z.boolean() }),
});
export type StudyAiResult = z.infer<typeof StudyAiResult>;
