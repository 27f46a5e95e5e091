import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finalObjects } from '../../electron/services/reading/final-objects';
import { writePart10 } from '../../electron/services/reading/part10-codec';
import { mammoReport } from '../../electron/services/reading/testing/sample-reading';
import { readPart10 } from '../../scripts/fixtures/dcmjs-io';
import type { FixtureStudy } from '../../scripts/fixtures/manifest';
import { stowFixtures } from '../../scripts/fixtures/stow';
import type { StudyContext } from '../../shared/dicom/sr/study-context';
import type { ReadingSession } from '../../shared/report/reading-session';
import { seededMammoAiResult } from '../../tests/support/seeded-ai-result';

const text = (v: unknown): string => (Array.isArray(v) ? text(v[0]) : v && typeof v === 'object' ? String((v as { Alphabetic?: string }).Alphabetic ?? '') : v === undefined ? '' : String(v));

/**
 * Plays "another workstation": builds the objects a final double read of `study` sends (report
 * SR, CAD SR with the reader's feedback, heatmaps, PDF) with Tandem's own builders, and stores
 * them in the PACS with STOW-RS, without this app's services knowing.
 */
export async function reportElsewhere(study: FixtureStudy, dicomwebRoot: string): Promise<void> {
  const first = readPart10(await readFile(study.instances[0]!.path));
  const context: StudyContext = {
    patient: { PatientName: text(first['PatientName']), PatientID: text(first['PatientID']), PatientBirthDate: text(first['PatientBirthDate']), PatientSex: text(first['PatientSex']) },
    study: { StudyInstanceUID: study.studyInstanceUID, StudyDate: text(first['StudyDate']), StudyTime: text(first['StudyTime']), AccessionNumber: text(first['AccessionNumber']), ReferringPhysicianName: '', StudyID: text(first['StudyID']) },
    images: study.instances.map((i) => ({ sopClassUID: i.sopClassUID, sopInstanceUID: i.sopInstanceUID, seriesInstanceUID: i.seriesInstanceUID, laterality: i.laterality, view: i.view })),
  };
  const report = { ...mammoReport('en'), breasts: { R: { findings: [], assessment: '1' as const }, L: { findings: [], assessment: '2' as const } }, overallAssessment: '2' as const, management: 'routine-screening' as const, comment: 'Read at the other workstation.' };
  const signed = { by: 'Sidorov Ivan', at: new Date().toISOString() };
  const session: ReadingSession = {
    studyInstanceUID: study.studyInstanceUID,
    sourceId: 'orthanc',
    kind: 'mammo',
    state: 'final',
    revision: 5,
    report,
    firstRead: { report, signed },
    final: { decision: 'confirm', report, signed },
    ai: seededMammoAiResult(study, { R: false, L: true }),
    feedback: [{ targetId: 'breast:L', verdict: 'disagree' }],
    updatedAt: signed.at,
  };
  const { objects } = await finalObjects(session, context);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-e2e-elsewhere-'));
  const instances = await Promise.all(
    objects.map(async (o, n) => {
      const file = path.join(dir, `${n}.dcm`);
      await writeFile(file, writePart10(o.dataset));
      return { ...study.instances[0]!, path: file, seriesInstanceUID: String(o.dataset['SeriesInstanceUID']), sopInstanceUID: String(o.dataset['SOPInstanceUID']), sopClassUID: String(o.dataset['SOPClassUID']) };
    }),
  );
  await stowFixtures({ source: 'shared', studies: [{ ...study, instances }] }, dicomwebRoot);
}
