import type { PackManifest } from '../../shared/models/manifest';
import type { ModelRunner } from '../../shared/models/tensor';
import { syntheticInput } from './syntheticInput';

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
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

/**
 * Milliseconds per view of `runner` on the pack's graph: one warm-up run (shader compilation,
 * first allocations), then the median of `runs` timed runs on a synthetic input. A study-views
 * pack reads all its views in one run, so its time is shared among them.
 */
export async function timeModel(runner: ModelRunner, manifest: PackManifest, runs: number): Promise<number> {
  const feeds = { [manifest.input.tensor.name]: syntheticInput(manifest.input.tensor) };
  const outputs = outputsOf(manifest);
  await runner.run(feeds, outputs);
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const started = performance.now();
    await runner.run(feeds, outputs);
    times.push(performance.now() - started);
  }
  const viewsPerRun = manifest.input.mode === 'study-views' ? (manifest.input.viewOrder?.length ?? 1) : 1;
  return median(times) / viewsPerRun;
}
