import type { GraphBuilder } from './graph-builder';

/** A normalised 1-D Gaussian with radius ⌈3σ⌉. */
export function gaussianKernel(sigma: number): number[] {
  const radius = Math.ceil(3 * sigma);
  const taps = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = taps.reduce((a, b) => a + b, 0);
  return taps.map((t) => t / sum);
}

/** Separable Gaussian blur of a [N,1,H,W] tensor, same size out (zero padding). */
export function gaussianBlur(g: GraphBuilder, x: string, sigma: number): string {
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const horizontal = g.node('Conv', [x, g.constant([1, 1, 1, k.length], k, 'gauss_h')], { kernel_shape: [1, k.length], pads: [0, r, 0, r] });
  return g.node('Conv', [horizontal, g.constant([1, 1, k.length, 1], k, 'gauss_v')], { kernel_shape: [k.length, 1], pads: [r, 0, r, 0] });
}

/** Grey-level dilation (local max) with a k×k square, same size out. */
export function dilate(g: GraphBuilder, x: string, k: number): string {
  const r = (k - 1) / 2;
  return g.node('MaxPool', [x], { kernel_shape: [k, k], pads: [r, r, r, r], strides: [1, 1] });
}

/** Grey-level erosion (local min) with a k×k square: −dilate(−x). */
export function erode(g: GraphBuilder, x: string, k: number): string {
  return g.node('Neg', [dilate(g, g.node('Neg', [x]), k)]);
}

/** White top-hat: x − opening(x); keeps bright details smaller than k×k. */
export function whiteTopHat(g: GraphBuilder, x: string, k: number): string {
  return g.node('Sub', [x, dilate(g, erode(g, x, k), k)]);
}

/** Bright-blob response at scale σ: ReLU(G(σ)·x − G(1.6σ)·x). */
export function brightBlobs(g: GraphBuilder, x: string, sigma: number): string {
  return g.node('Relu', [g.node('Sub', [gaussianBlur(g, x, sigma), gaussianBlur(g, x, 1.6 * sigma)])]);
}

/** Soft step: sigmoid(gain · (x − centre)). */
export function softStep(g: GraphBuilder, x: string, centre: number, gain: number): string {
  return g.node('Sigmoid', [g.node('Mul', [g.node('Sub', [x, g.constant([], [centre])]), g.constant([], [gain])])]);
}

/** x · scale, as a node. */
export function scaleBy(g: GraphBuilder, x: string, factor: number): string {
  return g.node('Mul', [x, g.constant([], [factor])]);
}

/**
 * A response map turned into the pack's two outputs: `heatmap`, the per-location score
 * sigmoid(gain · (response − centre)) on the decision scale, and `scores` [N,1], its peak (the
 * view's score).
 */
export function scoredHeatmap(g: GraphBuilder, map: string, centre: number, gain: number): void {
  const local = softStep(g, map, centre, gain);
  g.node('Identity', [local], {}, 'heatmap');
  g.node('Flatten', [g.node('GlobalMaxPool', [local])], { axis: 1 }, 'scores');
}

/**
 * Isotropic bright-blob response at scale σ from the Hessian of the Gaussian-smoothed image:
 * σ²·ReLU(−λmax), where λmax is the Hessian's larger eigenvalue. A bright blob bends down in
 * every direction (λmax ≪ 0); a ridge such as a rib (λmax ≈ 0) or an edge (λmax > 0) gives 0.
 */
export function hessianBlobs(g: GraphBuilder, x: string, sigma: number): string {
  const s = gaussianBlur(g, x, sigma);
  const conv = (k: number[], kh: number, kw: number) =>
    g.node('Conv', [s, g.constant([1, 1, kh, kw], k, 'deriv')], { kernel_shape: [kh, kw], pads: [(kh - 1) / 2, (kw - 1) / 2, (kh - 1) / 2, (kw - 1) / 2] });
  const dxx = conv([1, -2, 1], 1, 3);
  const dyy = conv([1, -2, 1], 3, 1);
  const dxy = conv([0.25, 0, -0.25, 0, 0, 0, -0.25, 0, 0.25], 3, 3);
  const trace = g.node('Add', [dxx, dyy]);
  const diff = g.node('Sub', [dxx, dyy]);
  const disc = g.node('Sqrt', [g.node('Add', [g.node('Mul', [diff, diff]), scaleBy(g, g.node('Mul', [dxy, dxy]), 4)])]);
  const lambdaMax = scaleBy(g, g.node('Add', [trace, disc]), 0.5);
  return scaleBy(g, g.node('Relu', [g.node('Neg', [lambdaMax])]), sigma * sigma);
}

/**
 * Soft mask of large bright regions (the breast, not burned-in text or markers): the image
 * averaged `factor`×`factor`, blurred with σ, soft-thresholded, and resized back to full size.
 */
export function largeRegionMask(g: GraphBuilder, x: string, factor: number, sigma: number, level: number): string {
  const small = g.node('AveragePool', [x], { kernel_shape: [factor, factor], strides: [factor, factor] });
  const mask = softStep(g, gaussianBlur(g, small, sigma), level, 40);
  return g.node('Resize', [mask, '', g.constant([4], [1, 1, factor, factor], 'scales')], { mode: 'nearest' });
}
