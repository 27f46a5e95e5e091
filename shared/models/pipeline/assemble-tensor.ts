import type { InputSpec } from '../manifest';
import type { Tensor } from '../tensor';
import type { PipelineOutput } from './run-pipeline';

/**
 * Packs one or more pipeline outputs into the model's input tensor: image outputs as a batch of
 * NCHW/NHWC images (grey replicated to `channels`, then per-channel normalisation), vector outputs
 * concatenated into one NC row (the study-views mode).
 */
export function assembleTensor(outputs: readonly PipelineOutput[], spec: InputSpec): Tensor {
  if (spec.layout === 'NC') {
    const total = outputs.reduce((n, o) => n + (o.kind === 'vector' ? o.values.length : o.image.data.length), 0);
    const data = new Float32Array(total);
    let at = 0;
    for (const o of outputs) {
      const values = o.kind === 'vector' ? o.values : o.image.data;
      data.set(values, at);
      at += values.length;
    }
    return { data, dims: [1, total] };
  }
  const first = outputs[0];
  if (!first || first.kind !== 'image') throw new Error('An image layout needs image pipeline outputs');
  const { width, height } = first.image;
  const channels = spec.channels;
  const plane = width * height;
  const data = new Float32Array(outputs.length * channels * plane);
  outputs.forEach((o, n) => {
    if (o.kind !== 'image' || o.image.width !== width || o.image.height !== height) throw new Error('Every view must end at the same size');
    const src = o.image.data;
    for (let c = 0; c < channels; c++) {
      const mean = o.channelNorm ? (o.channelNorm.mean[c] ?? o.channelNorm.mean[0]!) : 0;
      const std = o.channelNorm ? (o.channelNorm.std[c] ?? o.channelNorm.std[0]!) : 1;
      for (let i = 0; i < plane; i++) {
        const v = (src[i]! - mean) / std;
        const at = spec.layout === 'NCHW' ? (n * channels + c) * plane + i : (n * plane + i) * channels + c;
        data[at] = v;
      }
    }
  });
  return { data, dims: spec.layout === 'NCHW' ? [outputs.length, channels, height, width] : [outputs.length, height, width, channels] };
}
