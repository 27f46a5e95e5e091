import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_OUT_DIR, type FixtureManifest, makeFixtures } from '../../../../scripts/fixtures/make-fixtures';
import { LocalArchive } from '../../archive/local-archive';

/** The fixture set (made once into .cache/fixtures) stored into a fresh local archive. */
export async function archiveWithFixtures(dataDir: string): Promise<{ archive: LocalArchive; fixtures: FixtureManifest }> {
  const fixtures = await makeFixtures({ outDir: process.env.TANDEM_FIXTURES_DIR ?? DEFAULT_OUT_DIR });
  const archive = new LocalArchive(path.join(dataDir, 'archive'));
  for (const study of fixtures.studies) {
    for (const instance of study.instances) await archive.storeInstance(new Uint8Array(await readFile(instance.path)));
  }
  return { archive, fixtures };
}

export function fixtureStudy(fixtures: FixtureManifest, key: string): string | undefined {
  return fixtures.studies.find((s) => s.key === key)?.studyInstanceUID;
}
