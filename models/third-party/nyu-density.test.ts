import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectImages } from '../../shared/models/acceptance';
import { runPack } from '../../shared/models/run-pack';
import { NodeModelRunner } from '../../electron/services/models/ort-session';
import { PackStore } from '../../electron/services/models/pack-store';
import { pngSourceImage } from '../lib/png-source';
import { writePack } from '../lib/write-pack';
import { NYU_DENSITY_ONNX, nyuDensityManifest } from './nyu-density';
import { sharedFile } from './shared-data';

const onnx = sharedFile(NYU_DENSITY_ONNX);
const sample = sharedFile('mammo/nyu-density-4view/L-CC.png');
const PUBLISHED = [0.0819444, 0.78304, 0.133503, 0.00151265];

describe.skipIf(!onnx || !sample)('NYU breast density pack (third party, built from ../shared)', () => {
  it('imports through the manifest alone and reproduces the published output on the sample exam', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'tandem-nyu-'));
    await writePack(path.join(work, 'pack'), nyuDensityManifest, { 'model.onnx': await readFile(onnx!) });
    const store = new PackStore({ root: path.join(work, 'installed'), trustedKeys: () => [] });
    const installed = await store.importPack(path.join(work, 'pack'));
    expect(installed.manifest.id).toBe('nyu-breast-density-histogram');

    const dir = path.dirname(sample!);
    // Shuffled on purpose: the manifest's viewOrder puts them in L-CC, R-CC, L-MLO, R-MLO.
    const images = await Promise.all(
      (['R-MLO', 'L-CC', 'L-MLO', 'R-CC'] as const).map((name) =>
        pngSourceImage(path.join(dir, `${name}.png`), { modality: 'MG', laterality: name[0] as 'L' | 'R', view: name.slice(2), studyInstanceUid: 'nyu' }),
      ),
    );
    const picked = selectImages(installed.manifest, images);
    if (!picked.ok) throw new Error(picked.reason);
    const result = await runPack(installed.manifest, picked.images, new NodeModelRunner(await store.session(installed.manifest.id)));
    const got = ['A', 'B', 'C', 'D'].map((k) => result.study.scores[k]!);
    console.log('NYU density on the sample exam:', got.map((v) => v.toFixed(5)).join(', '));
    got.forEach((v, i) => expect(Math.abs(v - PUBLISHED[i]!)).toBeLessThan(0.005));
    expect(result.study.positive).toBe(false);

    // Single-precision bin edges move values across edges: the output shifts, as the provenance notes.
    const float32 = {
      ...installed.manifest,
      input: { ...installed.manifest.input, pipeline: [{ op: 'standardise' as const }, { op: 'histogram' as const, bins: 50, precision: 'float32' as const }] },
    };
    const single = await runPack(float32, picked.images, new NodeModelRunner(await store.session(installed.manifest.id)));
    const got32 = ['A', 'B', 'C', 'D'].map((k) => single.study.scores[k]!);
    console.log('with float32 bin edges:', got32.map((v) => v.toFixed(5)).join(', '));
    expect(got32).not.toEqual(got);
  });
});
