import { largeRegionMask, scoredHeatmap, scaleBy, whiteTopHat } from '../onnx/filters';
import { GraphBuilder } from '../onnx/graph-builder';

export const MAMMO_INPUT = { width: 640, height: 1024 } as const;

/** Calcification-cluster detector parameters (image values 0–1 after VOI, 1024×640 breast crop). */
export const CALCIFICATION_PARAMS = {
  /** Top-hat square: keeps bright details up to ~9 px (≈2 mm on a 25 cm breast). */
  topHat: 9,
  /** Local contrast a spot needs over its opening. */
  contrast: 0.15,
  /** Breast mask: 8×8-averaged, σ = 3 blurred value above this (excludes labels, markers, skin line). */
  breastLevel: 0.2,
  /** Cluster window and stride (px): spot density over ≈8 mm squares. */
  window: 32,
  stride: 16,
  /** Score = sigmoid(gain · (peak density − centre)), density in spot-contrast per 1000 px. */
  centre: 50,
  gain: 0.1,
} as const;

export function calcificationHeatmapShape(): [number, number] {
  const { window, stride } = CALCIFICATION_PARAMS;
  return [Math.floor((MAMMO_INPUT.height - window) / stride) + 1, Math.floor((MAMMO_INPUT.width - window) / stride) + 1];
}

/**
 * Small bright spots (white top-hat above a contrast), counted in sliding windows: the window
 * with the most spot contrast is the cluster score; the density map is the heatmap.
 */
export function buildCalcificationGraph(): Uint8Array {
  const p = CALCIFICATION_PARAMS;
  const g = new GraphBuilder('tandem-calcification-clusters');
  const x = g.input('image', [1, 1, MAMMO_INPUT.height, MAMMO_INPUT.width]);
  const raw = g.node('Relu', [g.node('Sub', [whiteTopHat(g, x, p.topHat), g.constant([], [p.contrast])])]);
  const spots = g.node('Mul', [raw, largeRegionMask(g, x, 8, 3, p.breastLevel)]);
  const density = scaleBy(g, g.node('AveragePool', [spots], { kernel_shape: [p.window, p.window], strides: [p.stride, p.stride] }), 1000);
  scoredHeatmap(g, density, p.centre, p.gain);
  g.output('scores', [1, 1]);
  g.output('heatmap', [1, 1, ...calcificationHeatmapShape()]);
  return g.encode('Tandem classical calcification-cluster detector: white top-hat spots inside the breast, windowed density. Not for clinical use.', { detector: 'calcification-clusters' });
}
