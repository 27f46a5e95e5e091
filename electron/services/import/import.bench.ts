import { execFile } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { DEFAULT_OUT_DIR, makeFixtures } from '../../../scripts/fixtures/make-fixtures';
import { LocalArchive } from '../archive/local-archive';
import { ImportService } from './import-service';
import { writeFixtureCopies } from './testing/fixture-copies';
import { removeTempDirs, tempDir } from './testing/temp-dirs';

const INSTANCES = 40;

/**
 * Imports a folder of 40 distinct fixture instances into an empty archive and, in the same run,
 * copies the same folder with `cp -r`: the ratio is what parsing, de-duplication and the atomic,
 * fsync'd archive writes cost over a plain copy. Prints nothing; `npm run bench` reports it.
 */
export async function benchImport(): Promise<{ label: string; ratio: number; tandemMs: number; baselineMs: number }> {
  try {
    const fixtures = await makeFixtures({ outDir: process.env.TANDEM_FIXTURES_DIR ?? DEFAULT_OUT_DIR });
    const source = await tempDir('tandem-bench-import-');
    await writeFixtureCopies(fixtures, source, INSTANCES);

    const baselineTarget = path.join(await tempDir('tandem-bench-cp-'), 'copy');
    const copyStarted = performance.now();
    await promisify(execFile)('cp', ['-r', source, baselineTarget]);
    const baselineMs = performance.now() - copyStarted;

    const archive = new LocalArchive(path.join(await tempDir('tandem-bench-archive-'), 'archive'));
    const service = new ImportService(archive, { emit: () => undefined });
    const importStarted = performance.now();
    const summary = await service.importPaths([source]);
    const tandemMs = performance.now() - importStarted;
    if (summary.imported !== INSTANCES) throw new Error(`The benchmark import stored ${summary.imported} of ${INSTANCES} instances.`);

    return { label: `import ${INSTANCES} instances (${fixtures.source} fixtures) vs cp -r`, ratio: tandemMs / baselineMs, tandemMs, baselineMs };
  } finally {
    await removeTempDirs();
  }
}
