import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeInstance } from '../../electron/services/inference/decode-instance';
import { NodeModelRunner } from '../../electron/services/models/ort-session';
import { PackStore } from '../../electron/services/models/pack-store';
import { DEFAULT_OUT_DIR, type FixtureManifest, makeFixtures } from '../../scripts/fixtures/make-fixtures';
import { selectImages } from '../../shared/models/acceptance';
import { fromBase64 } from '../../shared/models/heatmap-grid';
import { runPack } from '../../shared/models/run-pack';
import { buildDefaultPacks, DEFAULT_PACKS_DIR } from './build-default-packs';

let fixtures: FixtureManifest;
beforeAll(async () => {
  fixtures = await makeFixtures({ outDir: process.env.TANDEM_FIXTURES_DIR ?? DEFAULT_OUT_DIR });
}, 120_000);

describe('default packs', () => {
  it('rebuild byte for byte from the repository code (models/packs is current)', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'tandem-default-packs-'));
    const ids = await buildDefaultPacks(out);
    expect(ids.sort()).toEqual((await readdir(DEFAULT_PACKS_DIR)).sort());
    for (const id of ids) {
      const files = (await readdir(path.join(out, id))).sort();
      expect((await readdir(path.join(DEFAULT_PACKS_DIR, id))).sort()).toEqual(files);
      for (const f of files) {
        const rebuilt = await readFile(path.join(out, id, f));
        const committed = await readFile(path.join(DEFAULT_PACKS_DIR, id, f));
        expect(rebuilt.equals(committed), `${id}/${f} differs: run npx tsx models/scripts/build-default-packs.ts`).toBe(true);
      }
    }
  });

  it('pass every pack check as built-in packs, say "not for clinical use" and carry measured metrics', async () => {
    const store = new PackStore({ root: await mkdtemp(path.join(os.tmpdir(), 'tandem-store-')), builtInDirectory: DEFAULT_PACKS_DIR, trustedKeys: () => [] });
    const packs = await store.list();
    expect(store.refusedOnLoad).toEqual([]);
    expect(packs.map((p) => p.manifest.id).sort()).toEqual(['tandem-calcification-clusters', 'tandem-mass-like-densities', 'tandem-nodule-like-opacities']);
    for (const p of packs) {
      expect(p).toMatchObject({ builtIn: true, notForClinicalUse: true });
      expect(p.manifest.card.intendedUse).toMatch(/Not for clinical use/);
      expect(p.manifest.card.validation.measuredBy).toMatch(/^models\/scripts\/measure-(chest|mammo)\.ts$/);
      expect(p.manifest.card.validation.metrics.length).toBeGreaterThan(0);
    }
    await expect(store.remove('tandem-nodule-like-opacities')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('run on the fixture studies and put each heatmap in its image’s pixel frame', async () => {
    const store = new PackStore({ root: await mkdtemp(path.join(os.tmpdir(), 'tandem-store-')), builtInDirectory: DEFAULT_PACKS_DIR, trustedKeys: () => [] });
    for (const [id, key] of [['tandem-calcification-clusters', 'mammo-current'], ['tandem-mass-like-densities', 'mammo-current'], ['tandem-nodule-like-opacities', 'chest']] as const) {
      const study = fixtures.studies.find((s) => s.key === key || s.kind === key)!;
      const images = await Promise.all(study.instances.map(async (i) => decodeInstance(new Uint8Array(await readFile(i.path)))));
      const { manifest } = (await store.get(id)).info;
      const picked = selectImages(manifest, images);
      if (!picked.ok) throw new Error(picked.reason);
      const result = await runPack(manifest, picked.images, new NodeModelRunner(await store.session(id)));
      expect(result.views).toHaveLength(study.instances.length);
      for (const [n, view] of result.views.entries()) {
        const image = picked.images[n]!;
        const h = view.heatmap!;
        expect(h.source).toBe('output');
        expect(h.width / h.height).toBeCloseTo(image.columns / image.rows, 1);
        expect(fromBase64(h.data).length).toBe(h.width * h.height);
        expect(Object.values(view.scores).every((s) => s >= 0 && s <= 1)).toBe(true);
      }
      if (manifest.task === 'mammography-lesion') expect(result.breasts.map((b) => b.laterality).sort()).toEqual(['L', 'R']);
      else expect(result.findings.map((f) => f.finding)).toEqual(['nodule-mass']);
    }
  });
});
