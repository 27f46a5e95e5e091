import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FixtureManifest } from '../../../../scripts/fixtures/make-fixtures';
import { EXPLICIT_VR_LITTLE_ENDIAN, readPart10, writePart10 } from '../../../../scripts/fixtures/dcmjs-io';
import { newUid } from './dicom-builders';

/** One written copy and the UIDs it was given. */
export interface FixtureCopy {
  path: string;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID: string;
}

/**
 * Writes `count` distinct instances into `outDir` (IM0001.DCM…): the fixture set's Explicit VR
 * Little Endian images in turn, each with a fresh SOP Instance UID, four to a study. Enough
 * distinct instances for an import that takes a while; test and benchmark support only.
 */
export async function writeFixtureCopies(fixtures: FixtureManifest, outDir: string, count: number): Promise<FixtureCopy[]> {
  const sources = fixtures.studies.flatMap((s) => s.instances).filter((i) => i.transferSyntaxUID === EXPLICIT_VR_LITTLE_ENDIAN);
  if (sources.length === 0) throw new Error('The fixture set holds no Explicit VR Little Endian instance to copy.');
  const datasets = await Promise.all(sources.map(async (s) => readPart10(await readFile(s.path))));
  const copies: FixtureCopy[] = [];
  let study = { studyInstanceUID: '', seriesInstanceUID: '' };
  for (let i = 0; i < count; i++) {
    if (i % 4 === 0) study = { studyInstanceUID: newUid(), seriesInstanceUID: newUid() };
    const copy: FixtureCopy = { path: path.join(outDir, `IM${String(i + 1).padStart(4, '0')}.DCM`), ...study, sopInstanceUID: newUid() };
    const { _meta: _ignored, ...dataset } = datasets[i % datasets.length]!;
    await writeFile(copy.path, writePart10({ ...dataset, StudyInstanceUID: copy.studyInstanceUID, SeriesInstanceUID: copy.seriesInstanceUID, SOPInstanceUID: copy.sopInstanceUID, InstanceNumber: String((i % 4) + 1) }));
    copies.push(copy);
  }
  return copies;
}
