import type { PackManifest } from './manifest';
import { syntheticInput } from './synthetic-input';
import type { ModelRunner } from './tensor';

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The outputs a timing run asks for: the scores, and the heatmap's tensor when it has one. */
function outputsOf(manifest: PackManifest): string[] {
  const names = [manifest.output.tensor.name];
  if (manifest.heatmap.source === 'output') names.push(manifest.heatmap.tensor.name);
  if (manifest.heatmap.source === 'cam') names.push(manifest.heatmap.featureMap.name);
  return [...new Set(names)];
}

export interface ForwardPassTiming {
  /** Milliseconds per view of each timed run. */
  samples: number[];
}

/**
 * Times `runs` forward passes of the pack's graph on the shared synthetic input, every backend
 * the same way (renderer worker and Node service alike): optionally one untimed warm-up first
 * (shader compilation, first allocations). A study-views pack reads all its views in one run, so
 * each sample is that run's time shared among them.
 */
export async function timeForwardPasses(runner: ModelRunner, manifest: PackManifest, runs: number, warmUp = true): Promise<ForwardPassTiming> {
  const feeds = { [manifest.input.tensor.name]: syntheticInput(manifest.input.tensor) };
  const outputs = outputsOf(manifest);
  if (warmUp) await runner.run(feeds, outputs);
  const viewsPerRun = manifest.input.mode === 'study-views' ? (manifest.input.viewOrder?.length ?? 1) : 1;
  const samples: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const started = performance.now();
    await runner.run(feeds, outputs);
    samples.push((performance.now() - started) / viewsPerRun);
  }
  return { samples };
}
