import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FixtureManifest } from '../../scripts/fixtures/make-fixtures';

/** What the global set-up started, for the specs and the teardown. */
export interface E2eEnvironment {
  appUrl: string;
  origin: string;
  token: string;
  serverPid: number;
  orthancPid: number;
  orthancDicomweb: string;
  dataDir: string;
  fixtures: FixtureManifest;
}

/** One file per checkout, so two clones (CI and a developer's tree) never read each other's set-up. */
const checkoutKey = createHash('sha256').update(path.resolve(import.meta.dirname, '../..')).digest('hex').slice(0, 12);

export const ENVIRONMENT_FILE = path.join(
  os.tmpdir(),
  `tandem-e2e-${process.getuid?.() ?? 'user'}-${checkoutKey}.json`,
);

export function readEnvironment(): E2eEnvironment {
  return JSON.parse(readFileSync(ENVIRONMENT_FILE, 'utf8')) as E2eEnvironment;
}
