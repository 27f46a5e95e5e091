import type { ManifestDraft } from '../lib/write-pack';
import { buildCalcificationGraph, calcificationHeatmapShape, MAMMO_INPUT } from './calcification-graph';
import { buildMassGraph, massHeatmapShape } from './mass-graph';
import { readMeasurement } from './measurement';
import { buildNoduleGraph, CHEST_INPUT, noduleHeatmapShape } from './nodule-graph';

export interface DefaultPack {
  draft: ManifestDraft;
  graph: () => Uint8Array;
}

const VERSION = '1.0.0';
const VENDOR = 'Tandem (classical image analysis, built from this repository)';
const NOT_CLINICAL = 'Not for clinical use. A classical image-analysis detector with no learned weights, shipped so the second-reader workflow works out of the box; it is not a validated AI product.';

const mammoPipeline: ManifestDraft['input']['pipeline'] = [
  { op: 'modality-lut' },
  { op: 'voi', mode: 'min-max' },
  { op: 'invert-monochrome1' },
  { op: 'orient-breast', chestWall: 'left' },
  { op: 'crop-to-foreground', threshold: 0.1, margin: 8 },
  { op: 'resize', width: MAMMO_INPUT.width, height: MAMMO_INPUT.height },
];

function mammoInput(): ManifestDraft['input'] {
  return { mode: 'per-view', pipeline: mammoPipeline, tensor: { name: 'image', type: 'float32', shape: [1, 1, MAMMO_INPUT.height, MAMMO_INPUT.width] }, layout: 'NCHW', channels: 1 };
}

function card(id: string, description: string, fallback: number, extra: { limitations: string[] }) {
  const m = readMeasurement(id, fallback);
  return {
    measurement: m,
    card: {
      description,
      intendedUse: `${NOT_CLINICAL} Demonstrates heatmaps, scores and discordance in the double-reading workflow.`,
      trainingData: 'None: no weights were learned. Filter sizes were chosen by hand from the physical size of the targeted findings; the soft step that turns the peak response into a 0–1 score was set so scores spread over 0–1 on the sample images named under validation (the same images the numbers come from, so they are not an independent test).',
      validation: { data: m.data, metrics: m.metrics, measuredBy: m.measuredBy },
      clinicalStatus: 'not-for-clinical-use' as const,
      licence: 'UNLICENSED (part of Tandem)',
      authors: 'Tandem',
      references: [],
      limitations: extra.limitations,
    },
  };
}

interface MammoLesionDetector {
  id: string;
  name: string;
  description: string;
  limitations: string[];
  label: { id: string; name: string; meaning: string };
  graph: DefaultPack['graph'];
  heatmapShape: () => number[];
}

/** A mammography lesion detector: one score and one heatmap per view, max over views and breasts. */
function mammoLesionPack(d: MammoLesionDetector): DefaultPack {
  const { card: c, measurement } = card(d.id, d.description, 0.5, { limitations: d.limitations });
  return {
    graph: d.graph,
    draft: {
      manifestVersion: 1,
      id: d.id,
      version: VERSION,
      name: d.name,
      task: 'mammography-lesion',
      vendor: VENDOR,
      accepts: { modalities: ['MG'], views: ['CC', 'MLO', 'ML', 'LM', 'XCCL', 'XCCM'] },
      model: { file: 'model.onnx', opset: 17 },
      input: mammoInput(),
      output: {
        tensor: { name: 'scores', type: 'float32', shape: [1, 1] },
        activation: 'none',
        labels: [d.label],
        decisionLabels: [d.label.id],
        aggregation: { viewToBreast: 'max', breastToStudy: 'max' },
      },
      heatmap: { source: 'output', tensor: { name: 'heatmap', type: 'float32', shape: [1, 1, ...d.heatmapShape()] }, channel: 0, scale: 'absolute' },
      operatingPoints: measurement.operatingPoints,
      defaultOperatingPoint: measurement.operatingPoints[0]!.name,
      card: c,
    },
  };
}

export function calcificationPack(): DefaultPack {
  return mammoLesionPack({
    id: 'tandem-calcification-clusters',
    name: 'Calcification clusters (classical, Tandem)',
    description:
      'Classical calcification-cluster detector expressed as an ONNX graph: white top-hat (9×9 opening) on the 1024×640 breast crop, spots above a fixed contrast inside a blurred breast mask, spot density over ≈8 mm sliding windows; each window’s density through a soft step is the heatmap (0–1, on the score’s scale) and its peak is the view’s score.',
    limitations: ['Burned-in labels, skin markers and clips are bright spots too.', 'Vascular and benign calcifications score like suspicious ones.', 'The score scale was set on the same few images it was measured on.'],
    label: { id: 'calcification-cluster', name: 'Calcification cluster', meaning: 'a dense group of small bright spots' },
    graph: buildCalcificationGraph,
    heatmapShape: calcificationHeatmapShape,
  });
}

export function massPack(): DefaultPack {
  return mammoLesionPack({
    id: 'tandem-mass-like-densities',
    name: 'Mass-like densities (classical, Tandem)',
    description:
      'Classical mass-like density detector expressed as an ONNX graph: the 1024×640 breast crop averaged to ≈1 mm pixels, Hessian bright-blob responses (σ²·ReLU(−λmax)) at three scales (≈5–25 mm), kept inside the breast (blurred tissue mask); each location’s response through a soft step is the heatmap (0–1, on the score’s scale) and its peak is the view’s score.',
    limitations: ['Dense glandular tissue, lymph nodes and the pectoral muscle on MLO views respond too.', 'No comparison with the other breast or prior studies.', 'The score scale was set on the same few images it was measured on.'],
    label: { id: 'mass-like', name: 'Mass-like density', meaning: 'a round bright region of mass size' },
    graph: buildMassGraph,
    heatmapShape: massHeatmapShape,
  });
}

export function nodulePack(): DefaultPack {
  const id = 'tandem-nodule-like-opacities';
  const { card: c, measurement } = card(
    id,
    'Classical nodule-like opacity detector expressed as an ONNX graph: the 512×512 film averaged to 256×256, Hessian bright-blob responses (σ²·ReLU(−λmax): round, not rib-like) at three scales (≈6–30 mm), kept where the lung field is (locally dark and inside a fixed two-ellipse lung prior); each location’s response through a soft step is the heatmap (0–1, on the score’s scale) and its peak is the view’s score.',
    0.5,
    { limitations: ['Rib crossings, vessels end-on and nipple shadows look like nodules.', 'The lung prior assumes a centred PA/AP film.', 'The score scale was set on the same few images it was measured on.'] },
  );
  return {
    graph: buildNoduleGraph,
    draft: {
      manifestVersion: 1,
      id,
      version: VERSION,
      name: 'Nodule-like opacities (classical, Tandem)',
      task: 'chest-multifinding',
      vendor: VENDOR,
      accepts: { modalities: ['DX', 'CR'], views: [] },
      model: { file: 'model.onnx', opset: 17 },
      input: {
        mode: 'per-view',
        pipeline: [
          { op: 'modality-lut' },
          { op: 'voi', mode: 'percentile', low: 1, high: 99 },
          { op: 'invert-monochrome1' },
          { op: 'resize', width: CHEST_INPUT, height: CHEST_INPUT },
        ],
        tensor: { name: 'image', type: 'float32', shape: [1, 1, CHEST_INPUT, CHEST_INPUT] },
        layout: 'NCHW',
        channels: 1,
      },
      output: {
        tensor: { name: 'scores', type: 'float32', shape: [1, 1] },
        activation: 'none',
        labels: [{ id: 'nodule-like', name: 'Nodule-like opacity', meaning: 'a round bright spot in the lung field', chestFinding: 'nodule-mass' }],
        decisionLabels: ['nodule-like'],
        aggregation: { viewToBreast: 'max', breastToStudy: 'max' },
      },
      heatmap: { source: 'output', tensor: { name: 'heatmap', type: 'float32', shape: [1, 1, ...noduleHeatmapShape()] }, channel: 0, scale: 'absolute' },
      operatingPoints: measurement.operatingPoints,
      defaultOperatingPoint: measurement.operatingPoints[0]!.name,
      card: c,
    },
  };
}

export const DEFAULT_PACKS = { 'tandem-calcification-clusters': calcificationPack, 'tandem-mass-like-densities': massPack, 'tandem-nodule-like-opacities': nodulePack };
