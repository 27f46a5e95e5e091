import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromBase64 } from '../../shared/models/heatmap-grid';
import { runPack } from '../../shared/models/run-pack';
import { NodeModelRunner, openNodeSession } from '../../electron/services/models/ort-session';
import { completeManifest } from '../lib/write-pack';
import { pngSourceImage } from '../lib/png-source';
import { nodulePack } from '../detectors/default-packs';
import { type Measurement, MEASUREMENTS_DIR } from '../detectors/measurement';
import { parseCsv } from '../measure/csv';
import { auc, sensSpec } from '../measure/roc';
import { SHARED_DATA_DIR } from '../third-party/shared-data';

/**
 * Measures the nodule-like opacity detector on the 37 labelled NIH images in
 * ../shared/data/cxr/nih-png-subset: AUC for NIH "Nodule" or "Mass" against the rest, and the
 * sensitivity/specificity at the operating point. Writes models/detectors/measurements/<id>.json
 * (then run build-default-packs.ts so the card carries it).
 *   npx tsx models/scripts/measure-chest.ts
 */
const dir = path.join(SHARED_DATA_DIR, 'cxr/nih-png-subset');
const rows = parseCsv(await readFile(path.join(dir, 'labels.csv'), 'utf8'));
const pack = nodulePack();
const manifest = completeManifest(pack.draft, { 'model.onnx': pack.graph() });
const runner = new NodeModelRunner(await openNodeSession(pack.graph()));
const scores: number[] = [];
const positive: boolean[] = [];
const chexnet: number[] = [];
let boxes = 0;
let peaksInBox = 0;
for (const row of rows) {
  const image = await pngSourceImage(path.join(dir, row.file!), { modality: 'DX', view: row.view_position });
  const result = await runPack(manifest, [image], runner);
  const labels = row.nih_finding_labels!.split('|');
  scores.push(result.study.scores['nodule-like']!);
  positive.push(labels.includes('Nodule') || labels.includes('Mass'));
  chexnet.push(Math.max(Number(row.ref_chexnet_prob_Nodule), Number(row.ref_chexnet_prob_Mass)));
  for (const box of (row['nih_bbox_label@x,y,w,h'] ?? '').split('|').filter((b) => /^(Nodule|Mass)@/.test(b))) {
    const [x, y, w, h] = box.split('@')[1]!.split(',').map(Number) as [number, number, number, number];
    const [px, py] = heatmapPeak(result.views[0]!.heatmap!, image.columns, image.rows);
    boxes++;
    if (px >= x - 32 && px <= x + w + 32 && py >= y - 32 && py <= y + h + 32) peaksInBox++;
  }
  console.log(`${row.file} ${labels.join('|').padEnd(40)} ${scores.at(-1)!.toFixed(4)}`);
}
const threshold = 0.5;
const at = sensSpec(scores, positive, threshold);
const nPos = positive.filter(Boolean).length;
const measurement: Measurement = {
  packId: manifest.id,
  data: `37 NIH ChestX-ray14 images (../shared/data/cxr/nih-png-subset, 25 PA + 12 AP): ${nPos} with an NIH "Nodule" or "Mass" label against ${rows.length - nPos} without. A tiny set: the numbers show the detector is weak, not how weak.`,
  measuredBy: 'models/scripts/measure-chest.ts',
  metrics: [
    { name: 'AUC, Nodule or Mass vs rest', value: round(auc(scores, positive)), n: rows.length },
    { name: 'Reference: CheXNet (DenseNet-121) AUC on the same images', value: round(auc(chexnet, positive)), n: rows.length, note: 'from the labels file, for scale' },
    { name: 'heatmap peak inside the NIH Nodule/Mass box (±32 px)', value: peaksInBox / Math.max(1, boxes), n: boxes, note: `${peaksInBox} of ${boxes} boxes` },
    { name: `sensitivity at ${threshold}`, value: round(at.sensitivity), n: nPos },
    { name: `specificity at ${threshold}`, value: round(at.specificity), n: rows.length - nPos },
  ],
  operatingPoints: [{ name: 'default', threshold, sensitivity: round(at.sensitivity), specificity: round(at.specificity), measuredOn: '37 NIH images (the same set as the AUC; not an independent test)' }],
};
await writeFile(path.join(MEASUREMENTS_DIR, `${manifest.id}.json`), `${JSON.stringify(measurement, null, 2)}\n`);
console.log(JSON.stringify(measurement.metrics, null, 1));

/** Source-pixel centre of the heatmap's hottest cell. */
function heatmapPeak(h: { width: number; height: number; data: string }, columns: number, rows: number): [number, number] {
  const cells = fromBase64(h.data);
  let best = 0;
  for (let i = 1; i < cells.length; i++) if (cells[i]! > cells[best]!) best = i;
  return [((best % h.width) + 0.5) * (columns / h.width), (Math.floor(best / h.width) + 0.5) * (rows / h.height)];
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
