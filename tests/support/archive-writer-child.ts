import { readFile } from 'node:fs/promises';
import { LocalArchive } from '../../electron/services/archive/local-archive';

/**
 * Child process for the crash tests: stores distinct copies of one DICOM file into an archive as
 * fast as it can and prints `ACK <SOPInstanceUID>` after each store resolves. The parent kills
 * it with SIGKILL at a random moment.
 * Usage: node child.mjs <archiveDir> <template.dcm> <templateSopUID> <runTag>
 */
const [archiveDir, template, sopUid, runTag] = process.argv.slice(2) as [string, string, string, string];
const source = await readFile(template);
const archive = new LocalArchive(archiveDir);
const pattern = Buffer.from(sopUid, 'ascii');

for (let i = 0; ; i++) {
  // Same length as the original UID, so the file stays valid: replace its tail with run and counter.
  const suffix = `${runTag}${String(i).padStart(4, '0')}`;
  const uid = sopUid.slice(0, sopUid.length - suffix.length) + suffix;
  const copy = Buffer.from(source);
  for (let at = copy.indexOf(pattern); at >= 0; at = copy.indexOf(pattern, at + 1)) copy.write(uid, at, 'ascii');
  await archive.storeInstance(copy);
  process.stdout.write(`ACK ${uid}\n`);
}
