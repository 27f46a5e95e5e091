import { access, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CURRENT_MAMMO_STUDY, PRIOR_MAMMO_STUDY, SCREENING_VIEWS } from '../../fixtures/mammo-exams';
import { type MammoStudySpec, writeMammoStudy } from '../../fixtures/mammo-study';
import { REPO_ROOT } from '../../fixtures/make-fixtures';
import type { FixtureStudy } from '../../fixtures/manifest';
import { syntheticMammogram } from '../../fixtures/synthetic-images';

/** Bump when the generated studies change; it seeds every UID and invalidates the cache. */
const FFDM_VERSION = 1;
const SEED = ['tandem-bench-ffdm', String(FFDM_VERSION)];

/** Where the large studies live, reused across runs (about 280 MB). */
export const FFDM_DIR = path.join(REPO_ROOT, '.cache', 'bench', 'ffdm');
const INDEX_FILE = path.join(FFDM_DIR, 'ffdm.json');

/** Full-field detector sizes from the issue: a current at 3328×4096 and a prior at 4096×5120. */
export const FFDM_SIZES = {
  'mammo-current': { columns: 3328, rows: 4096 },
  'mammo-prior': { columns: 4096, rows: 5120 },
} as const;

/** The generated pair, as the bench reads it back. */
export interface FfdmPair {
  version: number;
  current: FixtureStudy;
  prior: FixtureStudy;
}

function spec(key: MammoStudySpec['key']): MammoStudySpec {
  const { columns, rows } = FFDM_SIZES[key];
  return {
    key,
    source: `synthetic FFDM for the viewer benchmark: ${columns}x${rows}, 16 bits allocated, 12 stored`,
    patient: { patientID: 'TANDEM-BENCH-FFDM', patientName: 'TANDEM^BENCH^FFDM', birthDate: '19660214', sex: 'F' },
    study: key === 'mammo-current' ? CURRENT_MAMMO_STUDY : PRIOR_MAMMO_STUDY,
    uidSeed: SEED,
    // A 70 µm detector pitch gives these matrices a real full-field breast size.
    imagerPixelSpacing: [0.07, 0.07],
    burnedInAnnotation: false,
    derivationDescription: 'Synthetic image drawn by the Tandem viewer benchmark',
    manufacturerModelName: 'bench synthetic FFDM',
    views: SCREENING_VIEWS.map(({ laterality, view }) => ({
      laterality,
      view,
      // Conventional hanging on both studies: R images have their chest wall on the image right.
      load: async () => syntheticMammogram({ width: columns, height: rows, view, chestWallSide: laterality === 'R' ? 'right' : 'left', seed: [...SEED, key, laterality, view].join('/') }),
    })),
  };
}

async function cached(): Promise<FfdmPair | undefined> {
  const pair = await readFile(INDEX_FILE, 'utf8').then((t) => JSON.parse(t) as FfdmPair, () => undefined);
  if (pair?.version !== FFDM_VERSION) return undefined;
  const paths = [...pair.current.instances, ...pair.prior.instances].map((i) => i.path);
  const present = await Promise.all(paths.map((p) => access(p).then(() => true, () => false)));
  return present.every(Boolean) ? pair : undefined;
}

/**
 * A current and a prior 4-view screening exam of one patient at full-field sizes, written into
 * `.cache/bench/ffdm/` with the ImageLaterality, ViewCodeSequence and PatientOrientation the
 * mammography protocol hangs by. Reused when already there; the fixture set is not touched.
 */
export async function ensureFfdmPair(log: (line: string) => void = () => {}): Promise<FfdmPair> {
  const existing = await cached();
  if (existing) return existing;
  log(`generating the FFDM benchmark studies into ${FFDM_DIR} (once)`);
  await rm(FFDM_DIR, { recursive: true, force: true });
  const current = await writeMammoStudy(spec('mammo-current'), FFDM_DIR);
  const prior = await writeMammoStudy(spec('mammo-prior'), FFDM_DIR);
  const pair: FfdmPair = { version: FFDM_VERSION, current, prior };
  await writeFile(INDEX_FILE, JSON.stringify(pair, null, 2));
  return pair;
}
