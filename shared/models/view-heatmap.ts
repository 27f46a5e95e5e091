import type { Heatmap } from '../domain/ai-result';
import { decisionScore, scoresFromRow } from './activation';
import { type FrameMap, heatmapInSourceFrame } from './heatmap-grid';
import type { PackManifest } from './manifest';
import type { FrameGeometry } from './pipeline/working-image';
import type { ModelRunner, Tensor } from './tensor';

/** The graph outputs one forward pass must return for the pack's heatmap source. */
export function heatmapOutputs(manifest: PackManifest): string[] {
  const h = manifest.heatmap;
  if (h.source === 'output') return [h.tensor.name];
  if (h.source === 'cam') return [h.featureMap.name, h.weights];
  return [];
}

/** A heatmap for one view from the outputs of its forward pass (or occlusion runs). */
export async function viewHeatmap(
  manifest: PackManifest,
  runner: ModelRunner,
  input: Tensor,
  outputs: Record<string, Tensor>,
  geometry: FrameGeometry,
  label: string,
): Promise<Heatmap | undefined> {
  const h = manifest.heatmap;
  if (h.source === 'none') return undefined;
  if (h.source === 'output') return heatmapInSourceFrame(channelMap(outputs[h.tensor.name]!, h.channel), geometry, 'output', label, h.scale);
  if (h.source === 'cam') {
    const labelIndex = Math.max(0, manifest.output.labels.findIndex((l) => l.id === label));
    return heatmapInSourceFrame(camMap(outputs[h.featureMap.name]!, outputs[h.weights]!, labelIndex), geometry, 'cam', label);
  }
  return heatmapInSourceFrame(await occlusionMap(manifest, runner, input, h.patch, h.stride, h.fill), geometry, 'occlusion', label);
}

function channelMap(t: Tensor, channel: number): FrameMap {
  const [, c = 1, height = 1, width = 1] = t.dims;
  const ch = Math.min(channel, c - 1);
  return { width, height, values: t.data.subarray(ch * width * height, (ch + 1) * width * height) };
}

/** ReLU(Σ_c w[k, c] · F[c]) for label k. */
function camMap(features: Tensor, weights: Tensor, k: number): FrameMap {
  const [, channels = 1, height = 1, width = 1] = features.dims;
  const plane = width * height;
  const values = new Float64Array(plane);
  for (let c = 0; c < channels; c++) {
    const w = weights.data[k * channels + c]!;
    for (let i = 0; i < plane; i++) values[i] = values[i]! + w * features.data[c * plane + i]!;
  }
  for (let i = 0; i < plane; i++) values[i] = Math.max(0, values[i]!);
  return { width, height, values };
}

/**
 * Slides a `fill` patch over the input and records how much the decision score drops where the
 * patch covers; each pixel gets the mean drop of the patches that covered it.
 */
async function occlusionMap(manifest: PackManifest, runner: ModelRunner, input: Tensor, patchFrac: number, strideFrac: number, fill: number): Promise<FrameMap> {
  const layout = manifest.input.layout;
  if (layout === 'NC') throw new Error('Occlusion needs an image input');
  const [, d1 = 1, d2 = 1, d3 = 1] = input.dims;
  const [channels, height, width] = layout === 'NCHW' ? [d1, d2, d3] : [d3, d1, d2];
  const outName = manifest.output.tensor.name;
  const score = async (t: Tensor) => decisionScore(scoresFromRow((await runner.run({ [manifest.input.tensor.name]: t }, [outName]))[outName]!.data, manifest.output), manifest.output);
  const base = await score(input);
  const patch = Math.max(1, Math.round(patchFrac * Math.min(width, height)));
  const stride = Math.max(1, Math.round(strideFrac * Math.min(width, height)));
  const sum = new Float64Array(width * height);
  const count = new Float64Array(width * height);
  const copy = new Float32Array(input.data.length);
  for (let y0 = 0; y0 < height; y0 += stride) {
    for (let x0 = 0; x0 < width; x0 += stride) {
      copy.set(input.data);
      const y1 = Math.min(height, y0 + patch);
      const x1 = Math.min(width, x0 + patch);
      for (let c = 0; c < channels; c++) {
        for (let y = y0; y < y1; y++) {
          for (let x = x0; x < x1; x++) copy[layout === 'NCHW' ? (c * height + y) * width + x : (y * width + x) * channels + c] = fill;
        }
      }
      const drop = base - (await score({ data: copy, dims: input.dims }));
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          sum[y * width + x] = sum[y * width + x]! + drop;
          count[y * width + x] = count[y * width + x]! + 1;
        }
      }
      if (x1 === width) break;
    }
    if (Math.min(height, y0 + patch) === height) break;
  }
  for (let i = 0; i < sum.length; i++) sum[i] = count[i]! > 0 ? sum[i]! / count[i]! : 0;
  return { width, height, values: sum };
}
