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

export const ENVIRONMENT_FILE = path.join(os.tmpdir(), `tandem-e2e-${process.getuid?.() ?? 'user'}.json`);

export function readEnvironment(): E2eEnvironment {
  return JSON.parse(readFileSync(ENVIRONMENT_FILE, 'utf8')) as E2eEnvironment;
}
