import { execFile } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createServices } from '../../electron/services/compose';
import { nodePlatform } from '../../electron/services/node-platform';
import { startPacsWithFixtures, tempDataDir } from '../../tests/support/pacs-fixture';
import type { BenchRow } from './archive-query.bench';

const run = promisify(execFile);

/**
 * Retrieving a study from Orthanc on loopback into the archive, against curl fetching the same
 * WADO-RS resources (metadata, then every instance in its stored syntax, 4 in parallel, as Tandem
 * does) into files. Tandem also parses, indexes and fsyncs each instance; curl does none of
 * that. Target from the issue: ratio ≤ 1.5.
 */
export async function benchRetrieval(rounds = 5): Promise<BenchRow[]> {
  const { orthanc, fixtures } = await startPacsWithFixtures();
  try {
    const study = fixtures.studies.find((s) => s.key === 'mammo-current')!;
    const root = orthanc.dicomwebRoot;
    const instanceUrls = study.instances.map((i) => `${root}/studies/${i.studyInstanceUID}/series/${i.seriesInstanceUID}/instances/${i.sopInstanceUID}`);
    const tandem: number[] = [];
    const curl: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const { services, reachability, retrieval } = createServices(nodePlatform(await tempDataDir('tandem-bench-retrieve-'), 'bench'));
      reachability.dispose();
      await services.pacs.saveProfile({ id: 'orthanc', name: 'Orthanc', qidoUrl: root, wadoUrl: root, stowUrl: root, auth: 'none', timeoutMs: 30_000 });
      let started = performance.now();
      await services.studies.retrieveStudy('orthanc', study.studyInstanceUID);
      tandem.push(performance.now() - started);
      // The prior mammogram follows in the background; let it finish so it does not load the next round.
      await retrieval.idle();

      const curlDir = await tempDataDir('tandem-bench-curl-');
      started = performance.now();
      await run('curl', ['-sf', '-o', path.join(curlDir, 'metadata.json'), '-H', 'Accept: application/dicom+json', `${root}/studies/${study.studyInstanceUID}/metadata`]);
      const args = ['-sf', '--parallel', '--parallel-max', '4', '-H', 'Accept: multipart/related; type="application/dicom"; transfer-syntax=*'];
      instanceUrls.forEach((url, n) => args.push('-o', path.join(curlDir, `${n}.multipart`), url));
      await run('curl', args);
      curl.push(performance.now() - started);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(tandem) / median(curl);
    return [
      { label: `retrieve ${study.instances.length}-image study: Tandem (median)`, value: median(tandem), unit: 'ms' },
      { label: 'same WADO-RS resources with curl (median)', value: median(curl), unit: 'ms' },
      { label: 'retrieval ratio Tandem / curl', value: ratio, unit: '×', note: `target ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'}` },
    ];
  } finally {
    await orthanc.stop();
  }
}
