import { randomUUID } from 'node:crypto';
import { StudyAiResult } from '../../../shared/domain/ai-result';
import type { z } from 'zod';
import type { EventSink, ServiceImpl } from '../../../shared/ipc/api';
import { ServiceError, toErrorData } from '../../../shared/ipc/errors';
import type { InferenceJob, InferenceProgress, NodeCalibration, NodeTimingRequest } from '../../../shared/models/inference-progress';
import { runPack } from '../../../shared/models/run-pack';
import type { LocalArchive } from '../archive/local-archive';
import { NodeModelRunner } from '../models/ort-session';
import type { OrtHost } from '../models/ort-host';
import type { PackStore } from '../models/pack-store';
import { calibrate, calibrationOf, DEFAULT_TIMING } from './calibrate';
import { type RevealPolicy, revealAlways } from './reveal-policy';
import type { ResultCache } from './result-cache';
import { decodeFiles, selectStudyFiles } from './study-images';

interface Job {
  progress: InferenceProgress;
  controller: AbortController;
  done: Promise<void>;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs packs on archived studies with onnxruntime-node, in the inference process when a host is
 * given (the composition root always gives one), one job at a time, so the service loop keeps answering. Results are cached per (study,
 * pack id, pack version); reading them goes through the reveal policy.
 */
export class InferenceService implements ServiceImpl<'inference'> {
  private readonly jobs = new Map<string, Job>();
  private queue: Promise<void> = Promise.resolve();
  private revealPolicy: RevealPolicy = revealAlways;

  constructor(
    private readonly deps: {
      store: PackStore;
      archive: LocalArchive;
      cache: ResultCache;
      events: EventSink;
      /** Runs models off this thread (onnxruntime-node's run blocks its caller); in-thread without it. */
      host?: OrtHost;
    },
  ) {}

  /** Issue 6 (the reading session) installs the policy that seals results until the first read is signed. */
  setRevealPolicy(policy: RevealPolicy): void {
    this.revealPolicy = policy;
  }

  async start(studyUid: string, packId?: string): Promise<InferenceJob> {
    if (!(await this.deps.archive.getStudy(studyUid))) throw new ServiceError('NOT_FOUND', 'That study is not in the local archive; open it first so its images are retrieved.');
    const pack = packId ? await this.deps.store.get(packId) : await this.defaultPack(studyUid);
    const manifest = pack.info.manifest;
    const running = [...this.jobs.values()].find(
      (j) => j.progress.studyInstanceUid === studyUid && j.progress.packId === manifest.id && (j.progress.state === 'queued' || j.progress.state === 'running'),
    );
    if (running) return { jobId: running.progress.jobId, packId: manifest.id, cached: false };
    const jobId = randomUUID();
    const progress: InferenceProgress = { jobId, studyInstanceUid: studyUid, packId: manifest.id, state: 'queued', viewsDone: 0, viewsTotal: 0 };
    if (await this.deps.cache.read(studyUid, manifest.id, manifest.version)) {
      this.emit({ ...progress, state: 'done' });
      return { jobId, packId: manifest.id, cached: true };
    }
    const controller = new AbortController();
    const job: Job = { progress, controller, done: Promise.resolve() };
    this.jobs.set(jobId, job);
    this.emit(progress);
    job.done = this.queue = this.queue.then(() => this.run(job, manifest.id));
    return { jobId, packId: manifest.id, cached: false };
  }

  /** Idempotent: a job that already ended (or never existed) has nothing left to stop. */
  async cancel(jobId: string): Promise<void> {
    const job = this.jobs.get(jobId);
    if (!job) return;
    job.controller.abort();
    if (job.progress.state === 'queued') this.finish(job, { state: 'cancelled' });
  }

  async getResult(studyUid: string, packId?: string): Promise<StudyAiResult | null> {
    if (!(await this.revealPolicy(studyUid))) {
      throw new ServiceError('AI_SEALED', 'The AI result of this study stays sealed until your first read is signed.');
    }
    if (packId) {
      const installed = await this.deps.store.get(packId).catch(() => undefined);
      if (installed) {
        const current = await this.deps.cache.read(studyUid, packId, installed.info.manifest.version);
        if (current) return current;
      }
    }
    return (await this.deps.cache.all(studyUid, packId))[0] ?? null;
  }

  async storeResult(input: z.input<typeof StudyAiResult>): Promise<void> {
    const result = StudyAiResult.parse(input);
    const pack = await this.deps.store.get(result.pack.id);
    if (pack.info.manifest.version !== result.pack.version) {
      throw new ServiceError('INVALID_ARGUMENT', `The result is from version ${result.pack.version} of "${result.pack.id}", but ${pack.info.manifest.version} is installed.`);
    }
    await this.deps.cache.write(result);
  }

  async calibrateNode(packId: string, request?: NodeTimingRequest): Promise<NodeCalibration> {
    const pack = await this.deps.store.get(packId);
    const manifest = pack.info.manifest;
    const { host, store } = this.deps;
    if (!host) return calibrate(manifest, new NodeModelRunner(await store.session(packId)), request);
    // Timed inside the inference process, where a study's forward passes run.
    const { runs, warmUp } = request ?? DEFAULT_TIMING;
    return calibrationOf(manifest, await host.time(`${manifest.id}@${manifest.version}`, () => store.readFile(manifest.id, manifest.model.file), manifest, runs, warmUp));
  }

  /**
   * For the reading service at the reveal, not on the IPC contract: the study's newest result,
   * reading it now with the default pack when none is cached yet (or the background run failed).
   */
  async resultForReveal(studyUid: string): Promise<StudyAiResult | undefined> {
    const cached = (await this.deps.cache.all(studyUid))[0];
    if (cached) return cached;
    const started = await this.start(studyUid).catch((err: unknown) => {
      // No pack reads this study: there is no AI read to reveal, which the reader is told.
      if (err instanceof ServiceError && err.code === 'IMAGE_NOT_ACCEPTED') return undefined;
      throw err;
    });
    if (!started) return undefined;
    const job = this.jobs.get(started.jobId);
    await (job?.done ?? this.idle());
    const result = (await this.deps.cache.all(studyUid))[0];
    if (!result && job?.progress.state === 'failed') {
      throw new ServiceError(job.progress.error?.code ?? 'INTERNAL', `The AI could not read this study: ${job.progress.error?.message ?? 'unknown error'}`);
    }
    return result;
  }

  /** Waits for every queued job (tests, benchmarks). */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** Cancels every job and waits until none runs (on quit). */
  async dispose(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort();
    for (const job of [...this.jobs.values()]) if (job.progress.state === 'queued') this.finish(job, { state: 'cancelled' });
    await this.queue;
  }

  private async defaultPack(studyUid: string) {
    const study = (await this.deps.archive.getStudy(studyUid))!;
    const modalities = new Set(study.series.map((s) => s.modality).filter((m): m is string => Boolean(m)));
    const packs = await this.deps.store.list();
    const match = packs.find((p) => p.manifest.accepts.modalities.some((m) => modalities.has(m)));
    if (!match) throw new ServiceError('IMAGE_NOT_ACCEPTED', `No installed model pack reads ${[...modalities].join('/') || 'these'} images.`);
    return this.deps.store.get(match.manifest.id);
  }

  private async run(job: Job, packId: string): Promise<void> {
    if (job.controller.signal.aborted) return;
    const { studyInstanceUid } = job.progress;
    try {
      const pack = await this.deps.store.get(packId);
      const manifest = pack.info.manifest;
      this.update(job, { state: 'running' });
      const files = await selectStudyFiles(this.deps.archive, studyInstanceUid, manifest);
      this.update(job, { viewsTotal: files.length });
      await nextTick();
      const progress = { signal: job.controller.signal, onProgress: (done: number) => this.update(job, { viewsDone: done }) };
      const { host, store } = this.deps;
      // With the inference process, the files go there whole: decoding and the pixel pipeline
      // of full-field images take seconds of CPU that this process (Electron's main) must not spend.
      const result = host
        ? await host.runStudy(`${manifest.id}@${manifest.version}`, () => store.readFile(manifest.id, manifest.model.file), manifest, files, progress)
        : await runPack(manifest, await decodeFiles(files), new NodeModelRunner(await store.session(packId)), { ...progress, yieldBetweenViews: nextTick });
      await this.deps.cache.write(result);
      this.finish(job, { state: 'done' });
    } catch (err) {
      if (job.controller.signal.aborted) this.finish(job, { state: 'cancelled' });
      else this.finish(job, { state: 'failed', error: toErrorData(err) });
    }
  }

  private update(job: Job, patch: Partial<InferenceProgress>): void {
    job.progress = { ...job.progress, ...patch };
    this.emit(job.progress);
  }

  private finish(job: Job, patch: Partial<InferenceProgress>): void {
    if (job.progress.state === 'done' || job.progress.state === 'failed' || job.progress.state === 'cancelled') return;
    this.update(job, patch);
    this.jobs.delete(job.progress.jobId);
  }

  private emit(progress: InferenceProgress): void {
    this.deps.events.emit('inferenceProgress', progress);
  }
}
