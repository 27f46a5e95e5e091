import type { PipelineStep } from '../pipeline-schema';
import type { SourceImage } from '../source-image';
import { cropToForeground, orientBreast, resize } from './geometry-steps';
import { normalisedHistogram } from './histogram';
import { applyModalityLut, applyRange, applyWindow, invertIfMonochrome1, minMax, percentile, scale, standardise } from './intensity';
import { type WorkingImage, identityGeometry } from './working-image';

/** What the pipeline hands to tensor assembly: an image, or a feature vector (histogram). */
export type PipelineOutput =
  | { kind: 'image'; image: WorkingImage; channelNorm?: { mean: number[]; std: number[] } }
  | { kind: 'vector'; values: Float64Array; image: WorkingImage };

/**
 * Runs the manifest's steps on one source image. `normalise` is applied per output channel at
 * tensor assembly (after grey is replicated), so it is recorded rather than applied here.
 */
export function runPipeline(source: SourceImage, steps: readonly PipelineStep[]): PipelineOutput {
  const run = pipelineSteps(source, steps);
  for (let next = run.next(); ; next = run.next()) if (next.done) return next.value;
}

/** The same, awaiting `pause` between steps so a host's event loop is not held for a whole view. */
export async function runPipelineYielding(source: SourceImage, steps: readonly PipelineStep[], pause: () => Promise<void>): Promise<PipelineOutput> {
  const run = pipelineSteps(source, steps);
  for (let next = run.next(); ; next = run.next()) {
    if (next.done) return next.value;
    await pause();
  }
}

function* pipelineSteps(source: SourceImage, steps: readonly PipelineStep[]): Generator<void, PipelineOutput> {
  let image: WorkingImage = {
    width: source.columns,
    height: source.rows,
    data: Float64Array.from(source.pixels as ArrayLike<number>),
    geometry: identityGeometry(source.columns, source.rows),
  };
  let channelNorm: { mean: number[]; std: number[] } | undefined;
  for (const step of steps) {
    yield;
    switch (step.op) {
      case 'modality-lut':
        applyModalityLut(image, source);
        break;
      case 'voi':
        applyVoi(image, source, step);
        break;
      case 'invert-monochrome1':
        invertIfMonochrome1(image, source);
        break;
      case 'orient-breast':
        orientBreast(image, step.chestWall);
        break;
      case 'crop-to-foreground':
        image = cropToForeground(image, step.threshold, step.margin);
        break;
      case 'resize':
        image = resize(image, step.width, step.height);
        break;
      case 'standardise':
        standardise(image);
        break;
      case 'normalise':
        channelNorm = { mean: step.mean, std: step.std };
        break;
      case 'scale':
        scale(image, step.scale, step.offset);
        break;
      case 'histogram':
        return { kind: 'vector', values: normalisedHistogram(image.data, step.bins, step.precision), image };
    }
  }
  return { kind: 'image', image, channelNorm };
}

function applyVoi(image: WorkingImage, source: SourceImage, step: Extract<PipelineStep, { op: 'voi' }>): void {
  if (step.mode === 'fixed') return applyWindow(image, step.center!, step.width!);
  if (step.mode === 'dicom' && source.windowCenter !== undefined && source.windowWidth !== undefined) {
    return applyWindow(image, source.windowCenter, source.windowWidth);
  }
  if (step.mode === 'percentile') return applyRange(image, percentile(image.data, step.low!), percentile(image.data, step.high!));
  const [lo, hi] = minMax(image.data);
  applyRange(image, lo, hi);
}
