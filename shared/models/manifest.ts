import { z } from 'zod';
import { ChestFindingId } from '../domain/chest-findings';
import { ModelCard } from './model-card';
import { PipelineStep } from './pipeline-schema';

/**
 * `manifest.json` of a model pack (schema version 1). The published JSON Schema in
 * `models/schema/manifest.schema.json` is generated from this object.
 */

export const PACK_MANIFEST_VERSION = 1;

export const PackTask = z.enum(['mammography-lesion', 'mammography-density', 'chest-multifinding', 'chest-classification']);
export type PackTask = z.infer<typeof PackTask>;

export const PackId = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,79}$/, 'lower-case letters, digits, dot, dash or underscore (2–80)');

/** A tensor the ONNX graph must declare; `shape` uses strings for symbolic dimensions. */
export const TensorSpec = z
  .object({
    name: z.string().min(1),
    type: z.enum(['float32']).default('float32'),
    shape: z.array(z.union([z.number().int().positive(), z.string().min(1)])).min(1),
  })
  .strict();
export type TensorSpec = z.infer<typeof TensorSpec>;

export const ViewKey = z.object({ laterality: z.enum(['L', 'R']).optional(), view: z.string().min(1) }).strict();
export type ViewKey = z.infer<typeof ViewKey>;

/** Which images the pack can read; anything else is refused before the model runs. */
export const Accepts = z
  .object({
    modalities: z.array(z.string().regex(/^[A-Z]{2,4}$/)).min(1),
    /** View codes as the hanging code reads them (CC, MLO, PA, AP, …); empty accepts any view. */
    views: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Accepts = z.infer<typeof Accepts>;

/**
 * How images become model inputs. `per-view`: each accepted image is one run of `tensor`.
 * `study-views`: the images named by `viewOrder` each go through the pipeline and their outputs
 * are concatenated (in that order) into one input, e.g. the NYU density model's 4×50-bin histogram.
 */
export const InputSpec = z
  .object({
    mode: z.enum(['per-view', 'study-views']),
    viewOrder: z.array(ViewKey).optional(),
    pipeline: z.array(PipelineStep).min(1),
    tensor: TensorSpec,
    /** Image tensors: NCHW or NHWC with `channels` (1, or 3 by replicating grey). Feature vectors: NC. */
    layout: z.enum(['NCHW', 'NHWC', 'NC']),
    channels: z.number().int().min(1).max(4).default(1),
  })
  .strict()
  .refine((s) => s.mode !== 'study-views' || (s.viewOrder?.length ?? 0) > 0, { message: 'study-views input needs viewOrder' });
export type InputSpec = z.infer<typeof InputSpec>;

export const OutputLabel = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** What a high value means, in words a reader understands. */
    meaning: z.string().min(1),
    /** For chest packs: which of the 12 findings this label reports. */
    chestFinding: ChestFindingId.optional(),
  })
  .strict();
export type OutputLabel = z.infer<typeof OutputLabel>;

export const Aggregation = z.enum(['max', 'mean', 'noisy-or']);
export type Aggregation = z.infer<typeof Aggregation>;

export const OutputSpec = z
  .object({
    /** Graph output holding one score per label (shape [N, labels.length]). */
    tensor: TensorSpec,
    activation: z.enum(['softmax', 'sigmoid', 'none']),
    labels: z.array(OutputLabel).min(1),
    /** The labels whose (summed) score is the decision score compared with the operating point. */
    decisionLabels: z.array(z.string().min(1)).min(1),
    aggregation: z.object({ viewToBreast: Aggregation, breastToStudy: Aggregation }).strict(),
  })
  .strict();
export type OutputSpec = z.infer<typeof OutputSpec>;

/**
 * Where the per-view heatmap comes from. `output`: a graph output [N, 1|labels, h, w] with values
 * 0–1 (optionally which channel). `cam`: class activation from a feature-map output [N, C, h, w]
 * and a weights initializer or output [labels, C] (ReLU'd, normalised to the map's max).
 * `occlusion`: grey patches slid over the input, the drop of the decision score (any model).
 */
export const HeatmapSource = z.discriminatedUnion('source', [
  z.object({ source: z.literal('none') }).strict(),
  z
    .object({
      source: z.literal('output'),
      tensor: TensorSpec,
      channel: z.number().int().min(0).default(0),
      /**
       * `max`: the map is scaled by its own peak (any range). `absolute`: the values already are
       * 0–1 scores on the decision scale (clamped), so the operating point's threshold applies to
       * them directly and a weak view stays weak.
       */
      scale: z.enum(['max', 'absolute']).default('max'),
    })
    .strict(),
  z.object({ source: z.literal('cam'), featureMap: TensorSpec, weights: z.string().min(1) }).strict(),
  z
    .object({
      source: z.literal('occlusion'),
      /** Patch side and stride as fractions of the input's side. */
      patch: z.number().gt(0).lt(1),
      stride: z.number().gt(0).lt(1),
      fill: z.number().default(0),
    })
    .strict(),
]);
export type HeatmapSource = z.infer<typeof HeatmapSource>;

export const OperatingPoint = z
  .object({
    name: z.string().min(1),
    threshold: z.number(),
    sensitivity: z.number().min(0).max(1).optional(),
    specificity: z.number().min(0).max(1).optional(),
    /** What the sensitivity and specificity were measured on. */
    measuredOn: z.string().optional(),
  })
  .strict();
export type OperatingPoint = z.infer<typeof OperatingPoint>;

export const PackFile = z
  .object({
    path: z.string().regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]+$/, 'a relative path inside the pack'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().min(0),
  })
  .strict();
export type PackFile = z.infer<typeof PackFile>;

export const PackManifest = z
  .object({
    manifestVersion: z.literal(PACK_MANIFEST_VERSION),
    id: PackId,
    version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'semantic version, e.g. 1.0.0'),
    name: z.string().min(1).max(120),
    task: PackTask,
    vendor: z.string().min(1),
    accepts: Accepts,
    /** The ONNX graph, a path listed in `files`. */
    model: z.object({ file: z.string().min(1), opset: z.number().int().positive().optional() }).strict(),
    input: InputSpec,
    output: OutputSpec,
    heatmap: HeatmapSource,
    operatingPoints: z.array(OperatingPoint).min(1),
    defaultOperatingPoint: z.string().min(1),
    card: ModelCard,
    /** Every file of the pack except manifest.json and signature.json, with its SHA-256. */
    files: z.array(PackFile).min(1),
  })
  .strict()
  .refine((m) => m.files.some((f) => f.path === m.model.file), { message: 'model.file must be listed in files', path: ['model', 'file'] })
  .refine((m) => m.operatingPoints.some((p) => p.name === m.defaultOperatingPoint), {
    message: 'defaultOperatingPoint must name one of operatingPoints',
    path: ['defaultOperatingPoint'],
  })
  .refine((m) => m.output.decisionLabels.every((id) => m.output.labels.some((l) => l.id === id)), {
    message: 'decisionLabels must be label ids',
    path: ['output', 'decisionLabels'],
  });
export type PackManifest = z.infer<typeof PackManifest>;

/**
 * `signature.json` beside the manifest: an Ed25519 signature of the exact bytes of manifest.json
 * (which holds every file's SHA-256), by a key the user trusts in settings.
 */
export const PackSignature = z
  .object({ algorithm: z.literal('ed25519'), keyId: z.string().min(1), signature: z.string().min(1) })
  .strict();
export type PackSignature = z.infer<typeof PackSignature>;

/** True when results must carry the "not for clinical use" label. */
export function isNotForClinicalUse(manifest: Pick<PackManifest, 'card'>): boolean {
  return manifest.card.clinicalStatus !== 'cleared';
}
