import { median, timeForwardPasses } from '../../../shared/models/forward-pass-timing';
import type { NodeCalibration, NodeTimingRequest } from '../../../shared/models/inference-progress';
import type { PackManifest } from '../../../shared/models/manifest';
import type { ModelRunner } from '../../../shared/models/tensor';

/** What `calibrateNode` does when asked for nothing in particular: a warm-up and 5 timed runs. */
export const DEFAULT_TIMING: NodeTimingRequest = { runs: 5, warmUp: true };

/** Times the native runner on the pack's graph exactly as the renderer's worker times its backends. */
export async function calibrate(manifest: PackManifest, runner: ModelRunner, request: NodeTimingRequest = DEFAULT_TIMING): Promise<NodeCalibration> {
  return calibrationOf(manifest, (await timeForwardPasses(runner, manifest, request.runs, request.warmUp)).samples);
}

/** The calibration reported for timed samples (ms per view), wherever they were taken. */
export function calibrationOf(manifest: PackManifest, samples: number[]): NodeCalibration {
  return { packId: manifest.id, msPerView: median(samples), runs: samples.length, samples };
}
