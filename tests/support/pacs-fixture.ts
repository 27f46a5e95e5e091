import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_OUT_DIR, makeFixtures, stowFixtures, type FixtureManifest } from '../../scripts/fixtures/make-fixtures';
import { startOrthanc, type OrthancAuth, type OrthancHandle } from '../../scripts/orthanc/orthanc';

export interface PacsFixture {
  orthanc: OrthancHandle;
  fixtures: FixtureManifest;
}

/**
 * A real Orthanc on 127.0.0.1 holding the fixture studies, loaded with STOW-RS. The fixture
 * files are generated once into .cache/fixtures (from ../shared/data when present, synthetic
 * otherwise) and reused by every suite.
 */
export async function startPacsWithFixtures(options: { auth?: OrthancAuth; load?: boolean } = {}): Promise<PacsFixture> {
  const fixtures = await makeFixtures({ outDir: process.env.TANDEM_FIXTURES_DIR ?? DEFAULT_OUT_DIR });
  if (fixtures.source === 'synthetic') console.warn(`[tests] using the synthetic fixture set: ${fixtures.reason ?? '../shared/data is absent'}`);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-orthanc-'));
  const orthanc = await startOrthanc({ workDir, auth: options.auth });
  if (options.load !== false) await stowFixtures(fixtures, orthanc.dicomwebRoot, options.auth);
  return { orthanc, fixtures };
}

/** A fresh data folder for one test's services. */
export function tempDataDir(prefix = 'tandem-data-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}
