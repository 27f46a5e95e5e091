import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import type { ImportSkipReason } from '../../../../shared/domain/import';
import type { InstanceRef } from '../../../../shared/domain/study';
import type { FixtureInstance, FixtureManifest } from '../../../../scripts/fixtures/make-fixtures';
import { bareDataset, ENCAPSULATED_PDF, newUid, part10Of, writeDicomdir } from './dicom-builders';
import { writeFixtureCopies } from './fixture-copies';

/** A "CD" and a loose folder built from the fixture set, with what an import of them must report. */
export interface PatientMedia {
  cdRoot: string;
  looseRoot: string;
  /** Instances that must land in the archive byte for byte: archived path → source file. */
  storedAsIs: { ref: InstanceRef; source: string }[];
  /** The bare data set (no preamble, no meta) and the fixture it came from. */
  bare: { ref: InstanceRef; source: string };
  /** Every skip the import must report, by path. */
  skips: Record<string, ImportSkipReason>;
  /** 'dcmmkdir', or why Tandem's own test writer made the DICOMDIR. */
  dicomdirWriter: string;
}

const LE_SYNTAXES = ['1.2.840.10008.1.2', '1.2.840.10008.1.2.1'];

const refOf = (i: FixtureInstance): InstanceRef => ({ studyInstanceUID: i.studyInstanceUID, seriesInstanceUID: i.seriesInstanceUID, sopInstanceUID: i.sopInstanceUID });

/**
 * Builds, under `root`:
 * - `cd/`: the two mammography studies as DICOM/ST00000n/SE000001/IM00000n with a DICOMDIR from
 *   DCMTK's dcmmkdir; then, as a Linux mount and a worn disc would show it, `DICOM` and `ST000001`
 *   in lower case, one referenced file missing and one cut in half, plus unreferenced README.TXT,
 *   AUTORUN.INF and a viewer program, which the import must not even look at.
 * - `loose/`: a chest image nested two folders deep with a symlink loop beside it, a bare data
 *   set, a text file, a PNG, a truncated DICOM, an encapsulated PDF and a .DS_Store.
 */
export async function buildPatientMedia(fixtures: FixtureManifest, root: string): Promise<PatientMedia> {
  const cdRoot = path.join(root, 'cd');
  const looseRoot = path.join(root, 'loose');
  const mammo = ['mammo-current', 'mammo-prior'].map((key) => fixtures.studies.find((s) => s.key === key)!);
  const fileIds: string[][] = [];
  for (const [s, study] of mammo.entries()) {
    for (const [i, instance] of study.instances.entries()) {
      const fileId = ['DICOM', `ST00000${s + 1}`, 'SE000001', `IM00000${i + 1}`];
      await mkdir(path.join(cdRoot, ...fileId.slice(0, -1)), { recursive: true });
      await copyFile(instance.path, path.join(cdRoot, ...fileId));
      fileIds.push(fileId);
    }
  }
  const dicomdirWriter = await makeDicomdir(cdRoot, fileIds);
  await rename(path.join(cdRoot, 'DICOM', 'ST000001'), path.join(cdRoot, 'DICOM', 'st000001'));
  await rename(path.join(cdRoot, 'DICOM'), path.join(cdRoot, 'dicom'));
  const prior = path.join(cdRoot, 'dicom', 'ST000002', 'SE000001');
  await rm(path.join(prior, 'IM000003'));
  await cutShort(path.join(prior, 'IM000004'), (length) => length >> 1);
  await writeFile(path.join(cdRoot, 'README.TXT'), 'Images of your examination. Insert the disc into any DICOM viewer.\r\n');
  await writeFile(path.join(cdRoot, 'AUTORUN.INF'), '[autorun]\r\nopen=VIEWER\\VIEWER.EXE\r\n');
  await mkdir(path.join(cdRoot, 'VIEWER'));
  await writeFile(path.join(cdRoot, 'VIEWER', 'VIEWER.EXE'), Buffer.from('MZ\x90\x00 not really a program'));

  const others = fixtures.studies.filter((s) => !mammo.includes(s)).flatMap((s) => s.instances);
  const bareSource = others.find((i) => LE_SYNTAXES.includes(i.transferSyntaxUID))!;
  const nestedSource = others.find((i) => i !== bareSource)!;
  await mkdir(path.join(looseRoot, 'sub', 'deeper'), { recursive: true });
  await copyFile(nestedSource.path, path.join(looseRoot, 'sub', 'deeper', 'CHEST.DCM'));
  await symlink('..', path.join(looseRoot, 'sub', 'deeper', 'back-up'));
  await writeFile(path.join(looseRoot, 'NOPREAMB'), bareDataset(await readFile(bareSource.path)));
  await writeFile(path.join(looseRoot, 'README.TXT'), 'Exported from the modality. Patient images are in the folders.\n');
  await writeFile(path.join(looseRoot, 'PICTURE.PNG'), tinyPng());
  // A copy under a new SOP Instance UID: a cut copy of an instance already archived counts as a duplicate.
  await writeFixtureCopies(fixtures, path.join(looseRoot, 'sub'), 1);
  await rename(path.join(looseRoot, 'sub', 'IM0001.DCM'), path.join(looseRoot, 'TRUNC.DCM'));
  await cutShort(path.join(looseRoot, 'TRUNC.DCM'), (length) => length - 1000);
  const pdfUids = { SOPInstanceUID: newUid(), StudyInstanceUID: newUid(), SeriesInstanceUID: newUid() };
  await writeFile(path.join(looseRoot, 'REPORT.DCM'), part10Of({ SOPClassUID: ENCAPSULATED_PDF, ...pdfUids, Modality: 'DOC', MIMETypeOfEncapsulatedDocument: 'application/pdf' }));
  await writeFile(path.join(looseRoot, '.DS_Store'), Buffer.alloc(64, 1));

  return {
    cdRoot,
    looseRoot,
    storedAsIs: [
      ...mammo[0]!.instances.map((i) => ({ ref: refOf(i), source: i.path })),
      ...mammo[1]!.instances.slice(0, 2).map((i) => ({ ref: refOf(i), source: i.path })),
      { ref: refOf(nestedSource), source: nestedSource.path },
    ],
    bare: { ref: refOf(bareSource), source: bareSource.path },
    skips: {
      [path.join(cdRoot, 'DICOM', 'ST000002', 'SE000001', 'IM000003')]: 'unreadable',
      [path.join(prior, 'IM000004')]: 'corrupt',
      [path.join(looseRoot, 'README.TXT')]: 'not-dicom',
      [path.join(looseRoot, 'PICTURE.PNG')]: 'not-dicom',
      [path.join(looseRoot, 'TRUNC.DCM')]: 'corrupt',
      [path.join(looseRoot, 'REPORT.DCM')]: 'unsupported',
    },
    dicomdirWriter,
  };
}

/** DCMTK's dcmmkdir (General Purpose CD profile, inventing missing type 1 keys); our writer where DCMTK is absent. */
async function makeDicomdir(cdRoot: string, fileIds: string[][]): Promise<string> {
  try {
    await promisify(execFile)('dcmmkdir', ['-q', '+r', '+I', '-Nxc', '+id', cdRoot, '+D', path.join(cdRoot, 'DICOMDIR'), 'DICOM'], { cwd: cdRoot });
    return 'dcmmkdir';
  } catch (err) {
    await writeFile(path.join(cdRoot, 'DICOMDIR'), writeDicomdir(fileIds.map((fileId) => ({ type: 'IMAGE', fileId }))));
    return `Tandem's test writer, because dcmmkdir failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
}

async function cutShort(file: string, newLength: (length: number) => number): Promise<void> {
  const bytes = await readFile(file);
  await writeFile(file, bytes.subarray(0, newLength(bytes.length)));
}

function tinyPng(): Buffer {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(0x80);
  return PNG.sync.write(png);
}
