import { z } from 'zod';

/**
 * The pixel pipeline a pack declares: ordered steps from the stored DICOM pixels to the model's
 * input tensor. Each step is data, so the Node service and the renderer worker run the same
 * pure-TypeScript implementation (`pipeline/run-pipeline.ts`).
 */

/** Stored values → modality values with RescaleSlope/RescaleIntercept (identity when absent). */
export const ModalityLutStep = z.object({ op: z.literal('modality-lut') }).strict();

/**
 * Windowing to 0–1. `dicom`: the file's first WindowCenter/WindowWidth (min–max when absent);
 * `fixed`: the given center/width; `min-max`: the image's own range; `percentile`: the
 * `low`…`high` percentiles of the image.
 */
export const VoiStep = z
  .object({
    op: z.literal('voi'),
    mode: z.enum(['dicom', 'fixed', 'min-max', 'percentile']),
    center: z.number().optional(),
    width: z.number().positive().optional(),
    low: z.number().min(0).max(100).optional(),
    high: z.number().min(0).max(100).optional(),
  })
  .strict()
  .refine((s) => s.mode !== 'fixed' || (s.center !== undefined && s.width !== undefined), { message: 'fixed VOI needs center and width' })
  .refine((s) => s.mode !== 'percentile' || (s.low !== undefined && s.high !== undefined && s.low < s.high), { message: 'percentile VOI needs low < high' });

/** MONOCHROME1 images (higher value = darker) are inverted so that bright is dense everywhere. */
export const InvertMonochrome1Step = z.object({ op: z.literal('invert-monochrome1') }).strict();

/**
 * Mirrors mammograms so the chest wall is on the given side, whatever the laterality; the side
 * is measured from the pixels (tissue mass near the edge), so mirrored archives are handled too.
 */
export const OrientBreastStep = z.object({ op: z.literal('orient-breast'), chestWall: z.enum(['left', 'right']) }).strict();

/** Crops to the bounding box of pixels above `threshold` (after VOI, 0–1) plus `margin` pixels. */
export const CropToForegroundStep = z
  .object({ op: z.literal('crop-to-foreground'), threshold: z.number().min(0).max(1), margin: z.number().int().min(0).default(0) })
  .strict();

/** Bilinear resize (area-averaged when shrinking by more than 2×) to exactly width×height. */
export const ResizeStep = z
  .object({ op: z.literal('resize'), width: z.number().int().positive().max(8192), height: z.number().int().positive().max(8192) })
  .strict();

/** Per-image standardisation: subtract the image's mean, divide by its standard deviation. */
export const StandardiseStep = z.object({ op: z.literal('standardise') }).strict();

/** (x − mean[c]) / std[c] per output channel (after channel replication). */
export const NormaliseStep = z
  .object({ op: z.literal('normalise'), mean: z.array(z.number()).min(1), std: z.array(z.number().positive()).min(1) })
  .strict();

/** Affine rescale x·scale + offset (e.g. 0–1 → 0–255). */
export const ScaleStep = z.object({ op: z.literal('scale'), scale: z.number(), offset: z.number().default(0) }).strict();

/**
 * Replaces the image by a `bins`-bin histogram over its own min…max (numpy.histogram semantics:
 * equal-width bins, the last bin closed), divided by the pixel count. `precision` picks the
 * arithmetic of the bin edges (the NYU density model was published with float64).
 */
export const HistogramStep = z
  .object({ op: z.literal('histogram'), bins: z.number().int().min(2).max(4096), precision: z.enum(['float64', 'float32']).default('float64') })
  .strict();

export const PipelineStep = z.union([
  ModalityLutStep,
  VoiStep,
  InvertMonochrome1Step,
  OrientBreastStep,
  CropToForegroundStep,
  ResizeStep,
  StandardiseStep,
  NormaliseStep,
  ScaleStep,
  HistogramStep,
]);
export type PipelineStep = z.infer<typeof PipelineStep>;
export type PipelineStepOp = PipelineStep['op'];
