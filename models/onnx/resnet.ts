import { GraphBuilder } from './graph-builder';

/** Deterministic PRNG (mulberry32), so the heavy benchmark graph is the same bytes every time. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * ResNet-18 (batch-norm folded into conv biases) at size×size, 3 channels, 1000 outputs, with
 * random He-initialised weights: a graph of realistic size and cost for benchmarking backends.
 * Not a model of anything.
 */
export function buildResNet18(size = 512, seed = 18): Uint8Array {
  const random = prng(seed);
  const g = new GraphBuilder(`resnet18-${size}-random`);
  const conv = (x: string, cin: number, cout: number, k: number, stride: number, relu: boolean): string => {
    const n = cout * cin * k * k;
    const scale = Math.sqrt(2 / (cin * k * k)) * Math.sqrt(3);
    const w = new Float32Array(n);
    for (let i = 0; i < n; i++) w[i] = (random() * 2 - 1) * scale;
    const b = new Float32Array(cout);
    const pad = (k - 1) / 2;
    const y = g.node('Conv', [x, g.constant([cout, cin, k, k], w, 'w'), g.constant([cout], b, 'b')], { kernel_shape: [k, k], strides: [stride, stride], pads: [pad, pad, pad, pad] });
    return relu ? g.node('Relu', [y]) : y;
  };
  let x = g.input('input', ['batch', 3, size, size]);
  x = conv(x, 3, 64, 7, 2, true);
  x = g.node('MaxPool', [x], { kernel_shape: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] });
  let channels = 64;
  for (const [stage, width] of [64, 128, 256, 512].entries()) {
    for (let block = 0; block < 2; block++) {
      const stride = stage > 0 && block === 0 ? 2 : 1;
      const shortcut = stride !== 1 || channels !== width ? conv(x, channels, width, 1, stride, false) : x;
      const y = conv(conv(x, channels, width, 3, stride, true), width, width, 3, 1, false);
      x = g.node('Relu', [g.node('Add', [y, shortcut])]);
      channels = width;
    }
  }
  const pooled = g.node('Flatten', [g.node('GlobalAveragePool', [x])], { axis: 1 });
  const fc = new Float32Array(1000 * 512);
  for (let i = 0; i < fc.length; i++) fc[i] = (random() * 2 - 1) * 0.05;
  g.node('Gemm', [pooled, g.constant([1000, 512], fc, 'fc_w'), g.constant([1000], new Float32Array(1000), 'fc_b')], { transB: 1 }, 'logits');
  g.output('logits', ['batch', 1000]);
  return g.encode('ResNet-18 with random weights, for benchmarking only.');
}
