import type { ManifestDraft } from '../lib/write-pack';

export const SQUEEZENET_ONNX = 'models/cxr-pneumonia-squeezenet1_1/cxr_pneumonia_squeezenet1_1.onnx';

/** SqueezeNet 1.1 paediatric pneumonia classifier: RGB 224², ImageNet normalisation, softmax of 3. */
export const squeezenetPneumoniaManifest: ManifestDraft = {
  manifestVersion: 1,
  id: 'cxr-pneumonia-squeezenet1_1',
  version: '1.0.0',
  name: 'Paediatric pneumonia (SqueezeNet 1.1)',
  task: 'chest-classification',
  vendor: 'm3mentomor1/Pneumonia_Detection_with_Lightweight-CNN-Models, packaged by Tandem tests',
  accepts: { modalities: ['DX', 'CR'], views: [] },
  model: { file: 'model.onnx', opset: 13 },
  input: {
    mode: 'per-view',
    pipeline: [
      { op: 'modality-lut' },
      { op: 'voi', mode: 'min-max' },
      { op: 'invert-monochrome1' },
      { op: 'resize', width: 224, height: 224 },
      { op: 'normalise', mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
    ],
    tensor: { name: 'input', type: 'float32', shape: ['batch', 3, 224, 224] },
    layout: 'NCHW',
    channels: 3,
  },
  output: {
    tensor: { name: 'logits', type: 'float32', shape: ['batch', 3] },
    activation: 'softmax',
    labels: [
      { id: 'bacterial', name: 'Bacterial Pneumonia', meaning: 'paediatric bacterial pneumonia pattern', chestFinding: 'infiltrate-consolidation' },
      { id: 'normal', name: 'Normal', meaning: 'no pneumonia pattern' },
      { id: 'viral', name: 'Viral Pneumonia', meaning: 'paediatric viral pneumonia pattern', chestFinding: 'infiltrate-consolidation' },
    ],
    decisionLabels: ['bacterial', 'viral'],
    aggregation: { viewToBreast: 'max', breastToStudy: 'max' },
  },
  heatmap: { source: 'occlusion', patch: 0.25, stride: 0.125, fill: 0 },
  operatingPoints: [{ name: 'pneumonia', threshold: 0.5 }],
  defaultOperatingPoint: 'pneumonia',
  card: {
    description: 'torchvision SqueezeNet 1.1 with a 3-class 1×1 convolution head; heatmap by occlusion.',
    intendedUse: 'Pipeline test only: loading, pre/post-processing and heatmaps of an external model.',
    trainingData: 'Kermany/Guangzhou paediatric chest X-ray pneumonia set.',
    validation: { data: 'The authors report 56.6 % test accuracy; on 37 adult NIH images it predicted Normal for 36.', metrics: [{ name: 'reported test accuracy', value: 0.566 }] },
    clinicalStatus: 'not-for-clinical-use',
    licence: 'Apache-2.0 / BSD / MIT (ambiguous in the source repository; all permissive)',
    references: ['https://github.com/m3mentomor1/Pneumonia_Detection_with_Lightweight-CNN-Models'],
    limitations: ['Trained on children; weak on adults.'],
  },
};
