import type { ManifestDraft } from '../lib/write-pack';

export const NYU_DENSITY_ONNX = 'models/nyu-breast-density-histogram/mammo_density_histogram_mlp.onnx';
const VIEWS = [
  { laterality: 'L', view: 'CC' },
  { laterality: 'R', view: 'CC' },
  { laterality: 'L', view: 'MLO' },
  { laterality: 'R', view: 'MLO' },
] as const;

/**
 * The NYU breast density histogram model (Wu et al., ICASSP 2018) expressed through the manifest
 * alone: per view, standardise then a 50-bin histogram over the view's own range divided by the
 * pixel count; the four histograms in the order L-CC, R-CC, L-MLO, R-MLO feed a 200→100→4 MLP.
 */
export const nyuDensityManifest: ManifestDraft = {
  manifestVersion: 1,
  id: 'nyu-breast-density-histogram',
  version: '1.0.0',
  name: 'NYU breast density (histogram model)',
  task: 'mammography-density',
  vendor: 'NYU Langone (nyukat/breast_density_classifier), packaged by Tandem tests',
  accepts: { modalities: ['MG'], views: ['CC', 'MLO'] },
  model: { file: 'model.onnx', opset: 13 },
  input: {
    mode: 'study-views',
    viewOrder: VIEWS.map((v) => ({ ...v })),
    pipeline: [{ op: 'standardise' }, { op: 'histogram', bins: 50, precision: 'float64' }],
    tensor: { name: 'histogram_features', type: 'float32', shape: ['batch', 200] },
    layout: 'NC',
    channels: 1,
  },
  output: {
    tensor: { name: 'density_probs', type: 'float32', shape: ['batch', 4] },
    activation: 'none',
    labels: [
      { id: 'A', name: 'BI-RADS density A', meaning: 'almost entirely fatty' },
      { id: 'B', name: 'BI-RADS density B', meaning: 'scattered areas of fibroglandular density' },
      { id: 'C', name: 'BI-RADS density C', meaning: 'heterogeneously dense' },
      { id: 'D', name: 'BI-RADS density D', meaning: 'extremely dense' },
    ],
    decisionLabels: ['C', 'D'],
    aggregation: { viewToBreast: 'mean', breastToStudy: 'mean' },
  },
  heatmap: { source: 'none' },
  operatingPoints: [{ name: 'dense (C or D)', threshold: 0.5 }],
  defaultOperatingPoint: 'dense (C or D)',
  card: {
    description: 'Two-layer perceptron (200→100→4, softmax inside the graph) on 50-bin intensity histograms of the four standardised screening views.',
    intendedUse: 'Research: BI-RADS breast density estimate from a 4-view screening mammogram.',
    trainingData: 'NYU screening mammograms (see Wu et al., ICASSP 2018).',
    validation: { data: 'As published by the authors; Tandem checks only that it reproduces the published output on the sample exam.', metrics: [] },
    clinicalStatus: 'research',
    licence: 'BSD-2-Clause',
    authors: 'Wu, Geras et al., NYU',
    references: ['https://github.com/nyukat/breast_density_classifier'],
    limitations: ['Histogram features ignore where tissue is; the output depends on the image processing of the vendor.'],
  },
};
