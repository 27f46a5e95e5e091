import { z } from 'zod';
import {
  ASYMMETRY_TYPES,
  ASSOCIATED_FEATURE,
  BIRADS_ASSESSMENTS,
  BREAST_COMPOSITIONS,
  CALCIFICATION_DISTRIBUTION,
  CALCIFICATION_MORPHOLOGIES,
  FINDING_TYPE,
  MANAGEMENT_RECOMMENDATIONS,
  MASS_DENSITY,
  MASS_MARGIN,
  MASS_SHAPE,
  type MammoFindingType,
} from './birads-lexicon';
import { ReportLanguage } from './report-language';

const keysOf = <T extends object>(o: T) => Object.keys(o) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];

export const BiRadsAssessmentSchema = z.enum(BIRADS_ASSESSMENTS as [string, ...string[]]).transform((v) => v as (typeof BIRADS_ASSESSMENTS)[number]);
export const BreastSide = z.enum(['R', 'L']);
export type BreastSide = z.infer<typeof BreastSide>;

/** A point on a source image, in its pixel frame (column, row from the top-left corner). */
export const ImagePoint = z.object({
  seriesInstanceUID: z.string().min(1).max(64),
  sopInstanceUID: z.string().min(1).max(64),
  sopClassUID: z.string().min(1).max(64).optional(),
  column: z.number().min(0).max(100_000),
  row: z.number().min(0).max(100_000),
});
export type ImagePoint = z.infer<typeof ImagePoint>;

export const ClockPosition = z.union([z.number().int().min(1).max(12), z.enum(['subareolar', 'central', 'axillary-tail'])]);
export type ClockPosition = z.infer<typeof ClockPosition>;

export const FindingLocation = z.object({
  clock: ClockPosition.optional(),
  depth: z.enum(['anterior', 'middle', 'posterior']).optional(),
  /** Distance from the nipple in centimetres. */
  distanceFromNippleCm: z.number().min(0).max(40).optional(),
  /** Where the reader placed it on an image; drawn there. */
  point: ImagePoint.optional(),
});
export type FindingLocation = z.infer<typeof FindingLocation>;

export const MammoFinding = z.object({
  /** Stable within a report, so feedback and marks can refer to it. */
  id: z.string().min(1).max(40),
  type: z.enum(keysOf(FINDING_TYPE)),
  mass: z
    .object({
      shape: z.enum(keysOf(MASS_SHAPE)).optional(),
      margin: z.enum(keysOf(MASS_MARGIN)).optional(),
      density: z.enum(keysOf(MASS_DENSITY)).optional(),
    })
    .optional(),
  calcification: z
    .object({
      morphology: z.enum(CALCIFICATION_MORPHOLOGIES).optional(),
      distribution: z.enum(keysOf(CALCIFICATION_DISTRIBUTION)).optional(),
    })
    .optional(),
  asymmetry: z.enum(ASYMMETRY_TYPES).optional(),
  location: FindingLocation.default({}),
  associatedFeatures: z.array(z.enum(keysOf(ASSOCIATED_FEATURE))).max(10).default([]),
});
export type MammoFinding = z.infer<typeof MammoFinding>;
export type MammoFindingInput = z.input<typeof MammoFinding>;

export const BreastReport = z.object({
  findings: z.array(MammoFinding).max(30).default([]),
  assessment: BiRadsAssessmentSchema.optional(),
});
export type BreastReport = z.infer<typeof BreastReport>;

/** The reader's mammography report (ACR BI-RADS, 5th edition). */
export const MammoReport = z.object({
  kind: z.literal('mammo'),
  language: ReportLanguage,
  composition: z.enum(BREAST_COMPOSITIONS as ['a', 'b', 'c', 'd']).optional(),
  breasts: z.object({ R: BreastReport, L: BreastReport }),
  overallAssessment: BiRadsAssessmentSchema.optional(),
  management: z.enum(MANAGEMENT_RECOMMENDATIONS as [string, ...string[]]).transform((v) => v as (typeof MANAGEMENT_RECOMMENDATIONS)[number]).optional(),
  comment: z.string().max(4000).default(''),
});
export type MammoReport = z.infer<typeof MammoReport>;

export function emptyMammoReport(language: ReportLanguage): MammoReport {
  return { kind: 'mammo', language, breasts: { R: { findings: [] }, L: { findings: [] } }, comment: '' };
}

export type { MammoFindingType };
