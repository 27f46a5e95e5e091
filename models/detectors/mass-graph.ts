import { gaussianBlur, hessianBlobs, scoredHeatmap, scaleBy, softStep } from '../onnx/filters';
import { GraphBuilder } from '../onnx/graph-builder';
import { MAMMO_INPUT } from './calcification-graph';

export const MASS_PARAMS = {
  /** Working resolution: the 1024×640 crop averaged 4×4 (≈1 mm per pixel). */
  downsample: 4,
  /** Blob scales in working pixels (masses of ≈5–25 mm). */
  sigmas: [3, 5, 8],
  /** Breast tissue: working-resolution value above this (0–1). */
  tissue: 0.2,
  centre: 300,
  gain: 0.01,
} as const;

export function massHeatmapShape(): [number, number] {
  const d = MASS_PARAMS.downsample * 4;
  return [MAMMO_INPUT.height / d, MAMMO_INPUT.width / d];
}

/**
 * Mass-like densities: multi-scale difference-of-Gaussians bright-blob response inside the
 * breast; the strongest blob is the score, the response map (pooled 4×4) is the heatmap.
 */
export function buildMassGraph(): Uint8Array {
  const p = MASS_PARAMS;
  const g = new GraphBuilder('tandem-mass-like-densities');
  const x = g.input('image', [1, 1, MAMMO_INPUT.height, MAMMO_INPUT.width]);
  const small = g.node('AveragePool', [x], { kernel_shape: [p.downsample, p.downsample], strides: [p.downsample, p.downsample] });
  const responses = p.sigmas.map((s) => hessianBlobs(g, small, s));
  const blobs = g.node('Max', responses);
  const breast = softStep(g, gaussianBlur(g, small, 6), p.tissue, 40);
  const inBreast = scaleBy(g, g.node('Mul', [blobs, breast]), 100);
  const pooled = g.node('MaxPool', [inBreast], { kernel_shape: [4, 4], strides: [4, 4] });
  scoredHeatmap(g, pooled, p.centre, p.gain);
  g.output('scores', [1, 1]);
  g.output('heatmap', [1, 1, ...massHeatmapShape()]);
  return g.encode('Tandem classical mass-like density detector: multi-scale Hessian bright blobs in the breast. Not for clinical use.', { detector: 'mass-like-densities' });
}
