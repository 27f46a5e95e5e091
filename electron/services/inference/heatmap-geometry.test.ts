import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePack } from '../../../models/lib/write-pack';
import { fromBase64 } from '../../../shared/models/heatmap-grid';
import { runPack } from '../../../shared/models/run-pack';
import type { SourceImage } from '../../../shared/models/source-image';
import { NodeModelRunner } from '../models/ort-session';
import { PackStore } from '../models/pack-store';
import { camProbeGraph, probeGraph, probeManifest } from '../models/testing/probe-pack';

/**
 * A mammogram-like image: tissue against one edge (the chest wall) and one bright spot. The probe
 * graph's heatmap output is its input, so the heatmap's peak must land on the spot in the source
 * image whatever mirroring and cropping the pipeline did.
 */
function breastImage(chestWall: 'left' | 'right', spot: [number, number]): SourceImage {
  const columns = 300;
  const rows = 400;
  const pixels = new Uint16Array(columns * rows);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const fromWall = chestWall === 'left' ? x : columns - 1 - x;
      pixels[y * columns + x] = fromWall < 200 ? 1000 : 0;
      if (Math.hypot(x - spot[0], y - spot[1]) < 12) pixels[y * columns + x] = 4000;
    }
  }
  return { studyInstanceUid: 's', seriesInstanceUid: 'r', sopInstanceUid: `i-${chestWall}`, modality: 'DX', rows, columns, pixels, rescaleSlope: 1, rescaleIntercept: 0, photometric: 'MONOCHROME2' };
}

function peak(h: { width: number; height: number; data: string }, columns: number, rows: number): [number, number] {
  const cells = fromBase64(h.data);
  let best = 0;
  for (let i = 1; i < cells.length; i++) if (cells[i]! > cells[best]!) best = i;
  return [((best % h.width) + 0.5) * (columns / h.width), (Math.floor(best / h.width) + 0.5) * (rows / h.height)];
}

describe('heatmaps in the source frame', () => {
  it('undo the laterality flip and the crop, so the hot spot lies over the bright spot of either breast', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-geom-'));
    const draft = probeManifest({
      input: {
        ...probeManifest().input,
        pipeline: [{ op: 'voi', mode: 'min-max' }, { op: 'orient-breast', chestWall: 'left' }, { op: 'crop-to-foreground', threshold: 0.1, margin: 0 }, { op: 'resize', width: 16, height: 16 }],
      },
    });
    await writePack(path.join(dir, 'pack'), draft, { 'model.onnx': probeGraph() });
    const store = new PackStore({ root: path.join(dir, 'installed'), trustedKeys: () => [] });
    const { manifest } = await store.importPack(path.join(dir, 'pack'));
    const runner = new NodeModelRunner(await store.session(manifest.id));
    for (const [wall, spot] of [['left', [50, 300]], ['right', [250, 80]]] as const) {
      const image = breastImage(wall, [spot[0], spot[1]]);
      const result = await runPack(manifest, [image], runner);
      const [x, y] = peak(result.views[0]!.heatmap!, image.columns, image.rows);
      expect(Math.abs(x - spot[0]), `${wall} x`).toBeLessThan(20);
      expect(Math.abs(y - spot[1]), `${wall} y`).toBeLessThan(20);
    }
  });

  it('finds the bright spot with class activation maps and with occlusion', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-cam-'));
    const base = probeManifest();
    const pipeline = [{ op: 'voi' as const, mode: 'min-max' as const }, { op: 'resize' as const, width: 16, height: 16 }];
    const variants = [
      { id: 'probe-cam', tolerance: 20, graph: camProbeGraph(), heatmap: { source: 'cam' as const, featureMap: { name: 'features', type: 'float32' as const, shape: ['batch', 2, 16, 16] }, weights: 'cam_weights' } },
      { id: 'probe-occlusion', tolerance: 75, graph: probeGraph(), heatmap: { source: 'occlusion' as const, patch: 0.25, stride: 0.125, fill: 0 } },
    ];
    const store = new PackStore({ root: path.join(dir, 'installed'), trustedKeys: () => [] });
    for (const v of variants) {
      await writePack(path.join(dir, v.id), { ...base, id: v.id, input: { ...base.input, pipeline }, heatmap: v.heatmap }, { 'model.onnx': v.graph });
      const { manifest } = await store.importPack(path.join(dir, v.id));
      const image = breastImage('left', [50, 300]);
      const result = await runPack(manifest, [image], new NodeModelRunner(await store.session(manifest.id)));
      const h = result.views[0]!.heatmap!;
      expect(h.source).toBe(v.heatmap.source);
      const [x, y] = peak(h, image.columns, image.rows);
      // Occlusion is as coarse as its patch (a quarter of the side: 75 × 100 source pixels here).
      expect(Math.hypot(x - 50, y - 300), v.id).toBeLessThan(v.tolerance);
    }
  });
});
