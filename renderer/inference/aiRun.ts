import type { InferenceBackend } from '../../shared/domain/ai-result';
import type { TandemApi } from '../../shared/ipc/api';
import { ServiceError } from '../../shared/ipc/errors';
import { selectImages } from '../../shared/models/acceptance';
import type { InferenceProgress } from '../../shared/models/inference-progress';
import type { PackManifest } from '../../shared/models/manifest';
import { inferenceWorker, stopInferenceWorker } from './inferenceWorkers';
import { loadSourceImages, studyImageIdentities } from './loadStudyImages';
import { packModelSource } from './modelSource';

/** Where a run is: decoding the study's images (renderer backends), then reading its views. */
export interface AiRunProgress {
  phase: 'images' | 'views';
  done: number;
  total: number;
}

/** A run under way. `done` settles when the result has been stored; `cancel` stops it now. */
export interface AiRun {
  readonly backend: InferenceBackend;
  readonly done: Promise<void>;
  cancel(): void;
}

const cancelled = () => new ServiceError('CANCELLED', 'The AI reading was cancelled.');

/**
 * Runs a pack on an archived study with one backend and stores the result with the services
 * (`inference.storeResult` for the worker's results; the native backend stores its own). The
 * caller reads the result back with `inference.getResult`, where the reading session's seal sits.
 */
export function startAiRun(api: TandemApi, manifest: PackManifest, studyInstanceUid: string, backend: InferenceBackend, onProgress: (p: AiRunProgress) => void): AiRun {
  return backend === 'node-cpu' ? startNodeRun(api, manifest, studyInstanceUid, onProgress) : startWorkerRun(api, manifest, studyInstanceUid, backend, onProgress);
}

function startWorkerRun(api: TandemApi, manifest: PackManifest, studyInstanceUid: string, backend: 'wasm' | 'webgpu', onProgress: (p: AiRunProgress) => void): AiRun {
  let stopped = false;
  let rejectCancel: (error: ServiceError) => void = () => undefined;
  const cancelledPromise = new Promise<never>((_, reject) => (rejectCancel = reject));
  cancelledPromise.catch(() => undefined);
  const checkpoint = <T>(value: T): T => {
    if (stopped) throw cancelled();
    return value;
  };
  const work = (async () => {
    const identities = checkpoint(await studyImageIdentities(api, studyInstanceUid));
    const selected = selectImages(manifest, identities);
    if (!selected.ok) throw new ServiceError('IMAGE_NOT_ACCEPTED', selected.reason);
    onProgress({ phase: 'images', done: 0, total: selected.images.length });
    const images = checkpoint(await loadSourceImages(api, selected.images));
    const worker = checkpoint(await inferenceWorker(backend));
    const result = checkpoint(
      await worker.run(manifest, packModelSource(api, manifest), images, (done, total) => onProgress({ phase: 'views', done, total })),
    );
    await api.inference.storeResult(result);
  })();
  return {
    backend,
    done: Promise.race([work, cancelledPromise]),
    cancel() {
      if (stopped) return;
      stopped = true;
      stopInferenceWorker(backend);
      rejectCancel(cancelled());
    },
  };
}

function startNodeRun(api: TandemApi, manifest: PackManifest, studyInstanceUid: string, onProgress: (p: AiRunProgress) => void): AiRun {
  let jobId: string | undefined;
  let stopped = false;
  let rejectCancel: (error: ServiceError) => void = () => undefined;
  const cancelledPromise = new Promise<never>((_, reject) => (rejectCancel = reject));
  cancelledPromise.catch(() => undefined);
  // Events may arrive before `start` answers with the job id: keep them until it does.
  const early: InferenceProgress[] = [];
  let settle: ((p: InferenceProgress) => void) | undefined;
  const unsubscribe = api.events.on('inferenceProgress', (p) => {
    if (p.studyInstanceUid !== studyInstanceUid || p.packId !== manifest.id) return;
    if (jobId === undefined) early.push(p);
    else if (p.jobId === jobId) settle?.(p);
  });
  const job = new Promise<void>((resolve, reject) => {
    settle = (p) => {
      if (p.state === 'running' || p.state === 'queued') return onProgress({ phase: 'views', done: p.viewsDone, total: p.viewsTotal });
      if (p.state === 'done') resolve();
      else if (p.state === 'cancelled') reject(cancelled());
      else reject(p.error ? ServiceError.fromData(p.error) : new ServiceError('INTERNAL', 'The native AI run failed.'));
    };
    api.inference.start(studyInstanceUid, manifest.id).then((job) => {
      jobId = job.jobId;
      if (stopped) void api.inference.cancel(job.jobId);
      if (job.cached) return resolve();
      for (const p of early.splice(0)) if (p.jobId === jobId) settle?.(p);
    }, reject);
  }).finally(unsubscribe);
  return {
    backend: 'node-cpu',
    done: Promise.race([job, cancelledPromise]),
    cancel() {
      if (stopped) return;
      stopped = true;
      // The service stops between views; the UI is free at once.
      if (jobId) void api.inference.cancel(jobId);
      rejectCancel(cancelled());
    },
  };
}
