import type { StudyAiResult } from '../../shared/domain/ai-result';
import { ServiceError } from '../../shared/ipc/errors';
import { selectImages } from '../../shared/models/acceptance';
import type { PackManifest } from '../../shared/models/manifest';
import { runPack } from '../../shared/models/run-pack';
import type { SourceImage } from '../../shared/models/source-image';
import type { ModelRunner } from '../../shared/models/tensor';

/**
 * One study through a pack inside the worker: the images are checked against what the pack
 * accepts (a wrong modality or view is refused with the pack's own reason), then the shared
 * runner does pipeline, forward passes, heatmaps and aggregation, exactly as the Node service.
 */
export async function runStudyInWorker(
  manifest: PackManifest,
  images: readonly SourceImage[],
  runner: ModelRunner,
  onProgress: (viewsDone: number, viewsTotal: number) => void,
): Promise<StudyAiResult> {
  const selected = selectImages(manifest, images);
  if (!selected.ok) throw new ServiceError('IMAGE_NOT_ACCEPTED', selected.reason);
  onProgress(0, selected.images.length);
  return runPack(manifest, selected.images, runner, { onProgress });
}
