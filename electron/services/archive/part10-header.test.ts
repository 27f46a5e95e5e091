import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures, type FixtureManifest } from '../../../scripts/fixtures/make-fixtures';
import { Tag } from '../../../shared/dicom/tags';
import { readPart10Header } from './part10-header';

let fixtures: FixtureManifest;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-header-'));
  fixtures = await makeFixtures({ sharedDataDir: path.join(dir, 'absent'), outDir: path.join(dir, 'out') });
}, 60_000);

describe('readPart10Header', () => {
  it('keeps what hanging a mammogram needs: laterality, the view code with its scheme, orientation, spacing', async () => {
    const instance = fixtures.studies.find((s) => s.key === 'mammo-current')!.instances.find((i) => i.laterality === 'R' && i.view === 'CC')!;
    const ds = readPart10Header(new Uint8Array(await readFile(instance.path)));
    expect(ds[Tag.ImageLaterality]?.Value).toEqual(['R']);
    const view = ds[Tag.ViewCodeSequence]?.Value?.[0] as Record<string, { Value?: unknown[] }>;
    expect(view[Tag.CodeValue]?.Value).toEqual(['399162004']);
    expect(view[Tag.CodingSchemeDesignator]?.Value).toEqual(['SCT']);
    expect(ds[Tag.PatientOrientation]?.Value).toEqual(instance.patientOrientation!.split('\\'));
    expect(ds[Tag.ImagerPixelSpacing]?.Value).toEqual([expect.any(Number), expect.any(Number)]);
  });

  it('refuses bytes that are not DICOM with a readable reason', () => {
    expect(() => readPart10Header(new TextEncoder().encode('not a dicom file at all'))).toThrow(/Not a readable DICOM file/);
  });
});
