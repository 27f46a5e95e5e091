import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readPart10, writePart10 } from '../../scripts/fixtures/dcmjs-io';
import type { FixtureStudy } from '../../scripts/fixtures/manifest';
import { stowFixtures } from '../../scripts/fixtures/stow';
import { uidFromParts } from '../../scripts/fixtures/uids';

/**
 * A fresh copy of a fixture mammography study under new UIDs and a new patient, stored in the
 * test Orthanc, so a spec can send reports to it without changing what other specs see; `remove`
 * deletes it from Orthanc again (Orthanc's REST API, by StudyInstanceUID).
 */
export async function cloneStudyIntoPacs(source: FixtureStudy, dicomwebRoot: string, tag: string, patientName: string): Promise<{ study: FixtureStudy; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-e2e-reading-'));
  const run = `${tag}-${Date.now()}`;
  const studyUid = uidFromParts('e2e-reading', run, 'study');
  const instances = [];
  await mkdir(dir, { recursive: true });
  for (const [n, instance] of source.instances.entries()) {
    const ds = readPart10(await readFile(instance.path));
    delete ds['_meta'];
    const seriesUid = uidFromParts('e2e-reading', run, 'series', instance.seriesInstanceUID);
    const sopUid = uidFromParts('e2e-reading', run, 'sop', String(n));
    Object.assign(ds, { StudyInstanceUID: studyUid, SeriesInstanceUID: seriesUid, SOPInstanceUID: sopUid, PatientID: `E2E-READ-${tag}`, PatientName: patientName, AccessionNumber: `R${tag}`.slice(0, 16) });
    const file = path.join(dir, `${n}.dcm`);
    await writeFile(file, writePart10(ds));
    instances.push({ ...instance, path: file, studyInstanceUID: studyUid, seriesInstanceUID: seriesUid, sopInstanceUID: sopUid });
  }
  const study: FixtureStudy = { ...source, key: `reading-${tag}`, studyInstanceUID: studyUid, patientID: `E2E-READ-${tag}`, patientName, instances };
  await stowFixtures({ source: 'shared', studies: [study] }, dicomwebRoot);
  const orthancRoot = dicomwebRoot.replace(/\/dicom-web\/?$/, '');
  return {
    study,
    async remove() {
      const lookup = await fetch(`${orthancRoot}/tools/lookup`, { method: 'POST', body: studyUid });
      const found = (await lookup.json()) as Array<{ ID: string; Type: string }>;
      for (const entry of found.filter((f) => f.Type === 'Study')) await fetch(`${orthancRoot}/studies/${entry.ID}`, { method: 'DELETE' });
    },
  };
}
