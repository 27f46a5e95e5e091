import { gaussianBlur, hessianBlobs, scoredHeatmap, scaleBy, softStep } from '../onnx/filters';
import { GraphBuilder } from '../onnx/graph-builder';

export const CHEST_INPUT = 512;
const PRIOR = 64;

export const NODULE_PARAMS = {
  /** Working resolution 256² (≈1.7 mm per pixel on a 43 cm film). */
  downsample: 2,
  /** Blob scales in working pixels (nodules of ≈6–30 mm). */
  sigmas: [2, 3.5, 6],
  /** Lung: locally dark (smoothed value below this, 0–1) and inside the lung-field prior. */
  dark: 0.5,
  centre: 3,
  gain: 1,
} as const;

/**
 * Where lungs lie on a PA/AP film, as two soft ellipses on a 64×64 grid (a fixed anatomical
 * prior, not learned): centres at 30 % and 70 % of the width, 45 % of the height.
 */
export function lungPrior(): Float32Array {
  const out = new Float32Array(PRIOR * PRIOR);
  for (let y = 0; y < PRIOR; y++) {
    for (let x = 0; x < PRIOR; x++) {
      const u = (x + 0.5) / PRIOR;
      const v = (y + 0.5) / PRIOR;
      const d = Math.min(((u - 0.3) / 0.16) ** 2 + ((v - 0.47) / 0.3) ** 2, ((u - 0.7) / 0.16) ** 2 + ((v - 0.47) / 0.3) ** 2);
      out[y * PRIOR + x] = 1 / (1 + Math.exp(8 * (d - 1)));
    }
  }
  return out;
}

export function noduleHeatmapShape(): [number, number] {
  return [PRIOR, PRIOR];
}

/**
 * Nodule-like opacities: multi-scale difference-of-Gaussians bright blobs inside the lung field
 * (dark and within the prior); the strongest is the score, the pooled response the heatmap.
 */
export function buildNoduleGraph(): Uint8Array {
  const p = NODULE_PARAMS;
  const work = CHEST_INPUT / p.downsample;
  const g = new GraphBuilder('tandem-nodule-like-opacities');
  const x = g.input('image', [1, 1, CHEST_INPUT, CHEST_INPUT]);
  const small = g.node('AveragePool', [x], { kernel_shape: [p.downsample, p.downsample], strides: [p.downsample, p.downsample] });
  const blobs = g.node('Max', p.sigmas.map((s) => hessianBlobs(g, small, s)));
  const dark = softStep(g, g.node('Neg', [gaussianBlur(g, small, 8)]), -p.dark, 20);
  const prior = g.node('Resize', [g.constant([1, 1, PRIOR, PRIOR], lungPrior(), 'lung_prior'), '', g.constant([4], [1, 1, work / PRIOR, work / PRIOR], 'scales')], { mode: 'linear' });
  const lung = g.node('Mul', [dark, prior]);
  const inLung = scaleBy(g, g.node('Mul', [blobs, lung]), 100);
  const pooled = g.node('MaxPool', [inLung], { kernel_shape: [work / PRIOR, work / PRIOR], strides: [work / PRIOR, work / PRIOR] });
  scoredHeatmap(g, pooled, p.centre, p.gain);
  g.output('scores', [1, 1]);
  g.output('heatmap', [1, 1, PRIOR, PRIOR]);
  return g.encode('Tandem classical nodule-like opacity detector: multi-scale DoG bright blobs in the lung field. Not for clinical use.', { detector: 'nodule-like-opacities' });
}
