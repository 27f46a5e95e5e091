import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { StudyAiResult } from '../../shared/domain/ai-result';
import { fromBase64 } from '../../shared/models/heatmap-grid';
import { runPack } from '../../shared/models/run-pack';
import type { SourceImage } from '../../shared/models/source-image';
import { decodeInstance } from '../../electron/services/inference/decode-instance';
import { NodeModelRunner, openNodeSession } from '../../electron/services/models/ort-session';
import { calcificationPack, type DefaultPack, massPack } from '../detectors/default-packs';
import { type Measurement, MEASUREMENTS_DIR } from '../detectors/measurement';
import { completeManifest } from '../lib/write-pack';
import { pngSourceImage } from '../lib/png-source';
import { auc } from '../measure/roc';
import { SHARED_DATA_DIR } from '../third-party/shared-data';

/**
 * Measures the two mammography detectors on the labelled mammograms in ../shared/data:
 * - NYU GMIC exam 0: the right breast has a benign lesion (masks for R-CC and R-MLO), the left
 *   none: view-level AUC (2 lesion views against 2 clean views), and where the heatmap falls
 *   relative to the lesion masks;
 * - NEMA WG04 MG1 (left MLO, "malignant mass with micro-calcifications"): its score.
 * Writes models/detectors/measurements/<id>.json for each pack.
 *   npx tsx models/scripts/measure-mammo.ts
 */
const GMIC = path.join(SHARED_DATA_DIR, 'mammo/nyu-gmic-exam0');
const MASK_WIDTH = 1920;
const MASK_HEIGHT = 2944;

interface ViewCase {
  name: string;
  image: SourceImage;
  lesion: boolean;
  mask?: Uint8Array;
}

async function gmicViews(): Promise<ViewCase[]> {
  const out: ViewCase[] = [];
  for (const name of ['R-CC', 'R-MLO', 'L-CC', 'L-MLO']) {
    const image = await pngSourceImage(path.join(GMIC, `0_${name}.png`), { modality: 'MG', laterality: name[0] as 'L' | 'R', view: name.slice(2) });
    const lesion = name.startsWith('R');
    let mask: Uint8Array | undefined;
    if (lesion) {
      const png = PNG.sync.read(await readFile(path.join(GMIC, `segmentation/0_${name}_benign.png`)));
      mask = new Uint8Array(MASK_WIDTH * MASK_HEIGHT);
      for (let i = 0; i < mask.length; i++) mask[i] = png.data[i * 4]! > 0 ? 1 : 0;
    }
    out.push({ name, image, lesion, mask });
  }
  return out;
}

/**
 * Heatmap mass inside the mask relative to the mask's share of the image (1 = no better than
 * spread evenly), and whether the hottest cell lies in the mask. The mask frame is taken to be
 * the PNG stretched to 1920×2944 without mirroring (the GMIC repository ships no crop windows;
 * this is an assumption).
 */
function maskOverlap(result: StudyAiResult, view: ViewCase): { lift: number; peakInMask: boolean } {
  const h = result.views[0]!.heatmap!;
  const cells = fromBase64(h.data);
  let inside = 0;
  let total = 0;
  let maskCells = 0;
  let best = 0;
  for (let j = 0; j < h.height; j++) {
    for (let i = 0; i < h.width; i++) {
      const mx = Math.floor(((i + 0.5) / h.width) * MASK_WIDTH);
      const my = Math.floor(((j + 0.5) / h.height) * MASK_HEIGHT);
      const hit = view.mask![my * MASK_WIDTH + mx] === 1;
      const v = cells[j * h.width + i]!;
      total += v;
      if (hit) {
        inside += v;
        maskCells++;
      }
      if (v > cells[best]!) best = j * h.width + i;
    }
  }
  const bx = Math.floor((((best % h.width) + 0.5) / h.width) * MASK_WIDTH);
  const by = Math.floor(((Math.floor(best / h.width) + 0.5) / h.height) * MASK_HEIGHT);
  const share = maskCells / cells.length;
  return { lift: total > 0 && share > 0 ? inside / total / share : 0, peakInMask: view.mask![by * MASK_WIDTH + bx] === 1 };
}

async function measure(pack: DefaultPack, views: ViewCase[], mg1: SourceImage): Promise<Measurement> {
  const manifest = completeManifest(pack.draft, { 'model.onnx': pack.graph() });
  const runner = new NodeModelRunner(await openNodeSession(pack.graph()));
  const label = manifest.output.decisionLabels[0]!;
  const scores: number[] = [];
  const overlaps: string[] = [];
  let lifts = 0;
  let peaks = 0;
  for (const view of views) {
    const result = await runPack(manifest, [view.image], runner);
    scores.push(result.study.scores[label]!);
    if (view.mask) {
      const o = maskOverlap(result, view);
      lifts += o.lift;
      peaks += o.peakInMask ? 1 : 0;
      overlaps.push(`${view.name} lift ${o.lift.toFixed(2)}${o.peakInMask ? ', peak in mask' : ''}`);
    }
    console.log(`${manifest.id} GMIC ${view.name}: ${scores.at(-1)!.toFixed(4)}`);
  }
  const mg1Score = (await runPack(manifest, [mg1], runner)).study.scores[label]!;
  console.log(`${manifest.id} NEMA MG1: ${mg1Score.toFixed(4)}; ${overlaps.join('; ')}`);
  const lesionViews = views.filter((v) => v.mask).length;
  const threshold = 0.5;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    packId: manifest.id,
    data: 'NYU GMIC sample exam 0 (AGPL-3.0 sample data; right breast benign lesion with masks, left breast clean) and the NEMA WG04 MG1 film mammogram (left MLO, malignant mass with micro-calcifications). Five images: far too few to estimate accuracy; these numbers only show what the detector does on real mammograms.',
    measuredBy: 'models/scripts/measure-mammo.ts',
    metrics: [
      { name: 'view AUC, GMIC lesion views (R-CC, R-MLO) vs clean views (L-CC, L-MLO)', value: round(auc(scores, views.map((v) => v.lesion))), n: views.length },
      { name: 'heatmap mass in the GMIC lesion mask relative to the mask area (mean of 2 views; 1 = chance)', value: round(lifts / lesionViews), n: lesionViews, note: `mask frame assumed: the PNG stretched to 1920×2944, not mirrored; ${overlaps.join('; ')}` },
      { name: 'views whose heatmap peak lies in the GMIC lesion mask', value: peaks, n: lesionViews },
      { name: 'score on NEMA MG1 (malignant mass with micro-calcifications)', value: round(mg1Score), n: 1 },
    ],
    operatingPoints: [{ name: 'default', threshold, measuredOn: 'not measured: too few labelled mammograms to estimate sensitivity and specificity' }],
  };
}

const views = await gmicViews();
const mg1 = await decodeInstance(new Uint8Array(await readFile(path.join(SHARED_DATA_DIR, 'mammo/nema-wg04-mg1/MG1_J2KI.dcm'))));
for (const pack of [calcificationPack(), massPack()]) {
  const m = await measure(pack, views, { ...mg1, modality: 'MG' });
  await writeFile(path.join(MEASUREMENTS_DIR, `${m.packId}.json`), `${JSON.stringify(m, null, 2)}\n`);
}
