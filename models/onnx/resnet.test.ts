import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { buildResNet18 } from './resnet';

describe('buildResNet18', () => {
  it('builds a loadable ResNet-18 with 1000 outputs, the same bytes for the same seed', async () => {
    const bytes = buildResNet18(64);
    expect(bytes.length).toBeGreaterThan(11_000_000 * 4);
    expect(Buffer.from(buildResNet18(64)).equals(Buffer.from(bytes))).toBe(true);
    const session = await ort.InferenceSession.create(bytes);
    const out = await session.run({ input: new ort.Tensor('float32', new Float32Array(3 * 64 * 64).fill(0.5), [1, 3, 64, 64]) });
    expect(out.logits!.dims).toEqual([1, 1000]);
    expect(Array.from(out.logits!.data as Float32Array).every(Number.isFinite)).toBe(true);
  });
});
