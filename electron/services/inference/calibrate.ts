import type { NodeCalibration } from '../../../shared/models/inference-progress';
import type { PackManifest } from '../../../shared/models/manifest';
import type { ModelRunner } from '../../../shared/models/tensor';

/** A deterministic input of the manifest's tensor shape (symbolic dimensions as 1). */
export function syntheticInput(manifest: PackManifest): { data: Float32Array; dims: number[] } {
  const dims = manifest.input.tensor.shape.map((d) => (typeof d === 'number' ? d : 1));
  const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = ((i * 2654435761) % 1000) / 1000;
  return { data, dims };
}

/** One warm-up run, then the median of `runs` forward passes, per view. */
export async function calibrate(manifest: PackManifest, runner: ModelRunner, runs = 5): Promise<NodeCalibration> {
  const input = syntheticInput(manifest);
  const feeds = { [manifest.input.tensor.name]: input };
  const outputs = [manifest.output.tensor.name];
  await runner.run(feeds, outputs);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await runner.run(feeds, outputs);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const views = manifest.input.mode === 'study-views' ? (manifest.input.viewOrder?.length ?? 1) : 1;
  return { packId: manifest.id, msPerView: times[Math.floor(times.length / 2)]! / views, runs };
}
