import type { BreastResult, FindingResult, StudyAiResult, ViewResult } from '../domain/ai-result';
import type { ChestFindingId } from '../domain/chest-findings';
import { decisionScore, scoresFromRow } from './activation';
import { aggregate, aggregateScores } from './aggregate';
import { isNotForClinicalUse, type OperatingPoint, type PackManifest } from './manifest';
import { markFromHeatmap } from './marks';
import { assembleTensor } from './pipeline/assemble-tensor';
import { type PipelineOutput, runPipeline, runPipelineYielding } from './pipeline/run-pipeline';
import type { SourceImage } from './source-image';
import type { ModelRunner } from './tensor';
import { heatmapOutputs, viewHeatmap } from './view-heatmap';

export interface RunPackOptions {
  signal?: AbortSignal;
  /** Called after each view (per-view packs) or each prepared view (study-views packs). */
  onProgress?: (done: number, total: number) => void;
  /** Awaited between views and between pipeline steps so the host's event loop stays responsive (e.g. setImmediate). */
  yieldBetweenViews?: () => Promise<void>;
  /** Operating point name; the manifest's default otherwise. */
  operatingPoint?: string;
}

/**
 * Runs a verified pack on the images `selectImages` picked from one study, following the
 * manifest: pixel pipeline, forward pass, activation, heatmap, then view → breast → study
 * aggregation at the operating point. The same code runs in the Node service and the worker.
 */
export async function runPack(manifest: PackManifest, images: readonly SourceImage[], runner: ModelRunner, opts: RunPackOptions = {}): Promise<StudyAiResult> {
  const started = performance.now();
  const op = pickOperatingPoint(manifest, opts.operatingPoint);
  const views = manifest.input.mode === 'study-views' ? await runStudyViews(manifest, images, runner, opts) : await runPerView(manifest, images, runner, op, opts);
  const studyUid = images[0]?.studyInstanceUid ?? '';
  const result = summarise(manifest, op, views.views, views.studyScores);
  return {
    studyInstanceUid: studyUid,
    pack: { id: manifest.id, version: manifest.version, task: manifest.task, name: manifest.name, notForClinicalUse: isNotForClinicalUse(manifest) },
    backend: runner.backend,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    computedAt: new Date().toISOString(),
    operatingPoint: { name: op.name, threshold: op.threshold, sensitivity: op.sensitivity, specificity: op.specificity },
    ...result,
  };
}

export function pickOperatingPoint(manifest: PackManifest, name?: string): OperatingPoint {
  const wanted = name ?? manifest.defaultOperatingPoint;
  const op = manifest.operatingPoints.find((p) => p.name === wanted);
  if (!op) throw new Error(`The pack has no operating point named "${wanted}"`);
  return op;
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) {
    const err = new Error('Inference was cancelled.');
    err.name = 'AbortError';
    throw err;
  }
}

function viewIdentity(image: SourceImage): Omit<ViewResult, 'scores' | 'marks'> {
  return {
    studyInstanceUid: image.studyInstanceUid,
    seriesInstanceUid: image.seriesInstanceUid,
    sopInstanceUid: image.sopInstanceUid,
    laterality: image.laterality,
    view: image.view,
  };
}

async function runPerView(manifest: PackManifest, images: readonly SourceImage[], runner: ModelRunner, op: OperatingPoint, opts: RunPackOptions) {
  const views: ViewResult[] = [];
  const wanted = [manifest.output.tensor.name, ...heatmapOutputs(manifest)];
  for (const [i, image] of images.entries()) {
    checkCancelled(opts.signal);
    const prepared = await prepare(image, manifest, opts);
    const input = assembleTensor([prepared], manifest.input);
    const outputs = await runner.run({ [manifest.input.tensor.name]: input }, wanted);
    const scores = scoresFromRow(outputs[manifest.output.tensor.name]!.data, manifest.output);
    const label = topDecisionLabel(manifest, scores);
    const heatmap = await viewHeatmap(manifest, runner, input, outputs, prepared.image.geometry, label);
    const score = decisionScore(scores, manifest.output);
    const mark = heatmap && score >= op.threshold ? markFromHeatmap(heatmap, image.columns, image.rows, score, markLevel(manifest, op)) : undefined;
    views.push({ ...viewIdentity(image), scores, heatmap, marks: mark ? [mark] : [] });
    opts.onProgress?.(i + 1, images.length);
    await opts.yieldBetweenViews?.();
  }
  checkCancelled(opts.signal);
  return { views, studyScores: undefined };
}

async function runStudyViews(manifest: PackManifest, images: readonly SourceImage[], runner: ModelRunner, opts: RunPackOptions) {
  const prepared = [];
  for (const [i, image] of images.entries()) {
    checkCancelled(opts.signal);
    prepared.push(await prepare(image, manifest, opts));
    opts.onProgress?.(i + 1, images.length);
    await opts.yieldBetweenViews?.();
  }
  checkCancelled(opts.signal);
  const input = assembleTensor(prepared, manifest.input);
  const outputs = await runner.run({ [manifest.input.tensor.name]: input }, [manifest.output.tensor.name]);
  const studyScores = scoresFromRow(outputs[manifest.output.tensor.name]!.data, manifest.output);
  const views: ViewResult[] = images.map((image) => ({ ...viewIdentity(image), scores: {}, marks: [] }));
  return { views, studyScores };
}

/** Absolute heatmaps are on the decision scale: mark where they reach the threshold; others at half their peak. */
function markLevel(manifest: PackManifest, op: OperatingPoint): number {
  return manifest.heatmap.source === 'output' && manifest.heatmap.scale === 'absolute' ? op.threshold : 0.5;
}

function prepare(image: SourceImage, manifest: PackManifest, opts: RunPackOptions): Promise<PipelineOutput> {
  const pause = opts.yieldBetweenViews;
  return pause ? runPipelineYielding(image, manifest.input.pipeline, pause) : Promise.resolve(runPipeline(image, manifest.input.pipeline));
}

function topDecisionLabel(manifest: PackManifest, scores: Record<string, number>): string {
  return manifest.output.decisionLabels.reduce((best, id) => ((scores[id] ?? 0) > (scores[best] ?? 0) ? id : best));
}

/** View → breast → study, and the 12 chest findings for chest packs. */
function summarise(manifest: PackManifest, op: OperatingPoint, views: ViewResult[], studyLevel?: Record<string, number>) {
  const out = manifest.output;
  const positive = (scores: Record<string, number>) => decisionScore(scores, out) >= op.threshold;
  const breasts: BreastResult[] = [];
  let studyScores = studyLevel;
  if (!studyScores) {
    const withLaterality = views.filter((v) => v.laterality);
    if (manifest.task.startsWith('mammography') && withLaterality.length > 0) {
      for (const laterality of ['R', 'L'] as const) {
        const own = views.filter((v) => v.laterality === laterality).map((v) => v.scores);
        if (own.length === 0) continue;
        const scores = aggregateScores(own, out.aggregation.viewToBreast);
        breasts.push({ laterality, scores, positive: positive(scores) });
      }
      studyScores = aggregateScores(breasts.map((b) => b.scores), out.aggregation.breastToStudy);
    } else {
      studyScores = aggregateScores(views.map((v) => v.scores), out.aggregation.breastToStudy);
    }
  }
  const findings: FindingResult[] = [];
  const byFinding = new Map<ChestFindingId, number[]>();
  for (const label of out.labels) {
    if (!label.chestFinding) continue;
    byFinding.set(label.chestFinding, [...(byFinding.get(label.chestFinding) ?? []), studyScores[label.id] ?? 0]);
  }
  for (const [finding, values] of byFinding) {
    const score = aggregate(values, 'max');
    findings.push({ finding, score, positive: score >= op.threshold });
  }
  return { views, breasts, findings, study: { scores: studyScores, positive: positive(studyScores) } };
}
