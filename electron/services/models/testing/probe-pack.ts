import { GraphBuilder } from '../../../../models/onnx/graph-builder';
import type { ManifestDraft } from '../../../../models/lib/write-pack';

/**
 * A tiny real ONNX graph for store and service tests: mean brightness of a 16×16 grey image →
 * two softmax scores ('bright', 'dark') and a heatmap output equal to the input.
 */
export function probeGraph(opts: { inputName?: string; inputSize?: number } = {}): Uint8Array {
  const size = opts.inputSize ?? 16;
  const g = new GraphBuilder('probe');
  const x = g.input(opts.inputName ?? 'image', ['batch', 1, size, size]);
  const mean = g.node('Flatten', [g.node('GlobalAveragePool', [x])], { axis: 1 });
  const logits = g.node('Gemm', [mean, g.constant([1, 2], [8, -8]), g.constant([2], [-4, 4])]);
  g.node('Softmax', [logits], { axis: 1 }, 'scores');
  g.node('Identity', [x], {}, 'saliency');
  g.output('scores', ['batch', 2]);
  g.output('saliency', ['batch', 1, size, size]);
  return g.encode('probe');
}

export function probeManifest(overrides: Partial<ManifestDraft> = {}): ManifestDraft {
  return {
    manifestVersion: 1,
    id: 'probe-brightness',
    version: '1.0.0',
    name: 'Probe (brightness)',
    task: 'chest-multifinding',
    vendor: 'Tandem tests',
    accepts: { modalities: ['DX', 'CR'], views: [] },
    model: { file: 'model.onnx' },
    input: {
      mode: 'per-view',
      pipeline: [{ op: 'modality-lut' }, { op: 'voi', mode: 'min-max' }, { op: 'invert-monochrome1' }, { op: 'resize', width: 16, height: 16 }],
      tensor: { name: 'image', type: 'float32', shape: ['batch', 1, 16, 16] },
      layout: 'NCHW',
      channels: 1,
    },
    output: {
      tensor: { name: 'scores', type: 'float32', shape: ['batch', 2] },
      activation: 'none',
      labels: [
        { id: 'bright', name: 'Bright', meaning: 'the image is mostly bright', chestFinding: 'infiltrate-consolidation' },
        { id: 'dark', name: 'Dark', meaning: 'the image is mostly dark' },
      ],
      decisionLabels: ['bright'],
      aggregation: { viewToBreast: 'max', breastToStudy: 'max' },
    },
    heatmap: { source: 'output', tensor: { name: 'saliency', type: 'float32', shape: ['batch', 1, 16, 16] }, channel: 0, scale: 'max' },
    operatingPoints: [{ name: 'default', threshold: 0.5, sensitivity: 0.5, specificity: 0.5, measuredOn: 'nothing: a test probe' }],
    defaultOperatingPoint: 'default',
    card: {
      description: 'A test probe: softmax of the mean brightness.',
      intendedUse: 'Tests only.',
      trainingData: 'None.',
      validation: { data: 'None.', metrics: [] },
      clinicalStatus: 'not-for-clinical-use',
      licence: 'UNLICENSED',
      references: [],
      limitations: [],
    },
    ...overrides,
  };
}

/**
 * The probe with class-activation outputs: feature maps [x, 1 − x] and the classifier weights
 * [[8, 0], [0, 8]] as graph outputs, so CAM for 'bright' is the image itself.
 */
export function camProbeGraph(size = 16): Uint8Array {
  const g = new GraphBuilder('probe-cam');
  const x = g.input('image', ['batch', 1, size, size]);
  const features = g.node('Concat', [x, g.node('Sub', [g.constant([], [1]), x])], { axis: 1 }, 'features');
  const pooled = g.node('Flatten', [g.node('GlobalAveragePool', [features])], { axis: 1 });
  const weights = g.constant([2, 2], [8, 0, 0, 8]);
  g.node('Softmax', [g.node('Gemm', [pooled, weights, g.constant([2], [0, 0])], { transB: 1 })], { axis: 1 }, 'scores');
  g.node('Identity', [weights], {}, 'cam_weights');
  g.output('scores', ['batch', 2]);
  g.output('features', ['batch', 2, size, size]);
  g.output('cam_weights', [2, 2]);
  return g.encode('probe with CAM outputs');
}
