import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './graph-builder';

describe('GraphBuilder', () => {
  it('encodes a graph onnxruntime loads and computes correctly (conv, pooling, gemm, attributes)', async () => {
    const g = new GraphBuilder('probe');
    const x = g.input('image', ['batch', 1, 4, 4]);
    const w = g.constant([1, 1, 3, 3], [0, 0, 0, 0, 2, 0, 0, 0, 0]);
    const conv = g.node('Conv', [x, w], { pads: [1, 1, 1, 1], kernel_shape: [3, 3] });
    const pooled = g.node('MaxPool', [conv], { kernel_shape: [2, 2], strides: [2, 2] }, 'pooled');
    const flat = g.node('Flatten', [pooled], { axis: 1 });
    const scaled = g.node('Mul', [flat, g.constant([], [0.5])]);
    g.node('Softmax', [scaled], { axis: 1 }, 'probs');
    g.output('pooled', ['batch', 1, 2, 2]);
    g.output('probs', ['batch', 4]);
    const session = await ort.InferenceSession.create(g.encode('probe graph', { purpose: 'test' }));
    expect(session.inputNames).toEqual(['image']);
    expect(session.outputNames).toEqual(['pooled', 'probs']);
    const input = Float32Array.from({ length: 16 }, (_, i) => i);
    const out = await session.run({ image: new ort.Tensor('float32', input, [1, 1, 4, 4]) });
    expect(Array.from(out.pooled!.data as Float32Array)).toEqual([10, 14, 26, 30]);
    const probs = Array.from(out.probs!.data as Float32Array);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(probs[3]).toBeGreaterThan(probs[0]!);
  });

  it('produces the same bytes every time it is built', () => {
    const build = () => {
      const g = new GraphBuilder('same');
      const x = g.input('x', [1, 2]);
      g.node('Relu', [g.node('Add', [x, g.constant([2], [-1.5, 0.25])])], {}, 'y');
      g.output('y', [1, 2]);
      return g.encode('doc');
    };
    expect(Buffer.from(build()).equals(Buffer.from(build()))).toBe(true);
  });
});
