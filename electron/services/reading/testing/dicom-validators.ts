import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Verdict {
  errors: string[];
  output: string;
}

async function toFile(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-sr-'));
  const file = path.join(dir, 'object.dcm');
  await writeFile(file, bytes);
  return file;
}

/** dicom3tools' IOD checker; its "Error" lines are what a PACS or validator would reject. */
export async function dciodvfy(bytes: Uint8Array): Promise<Verdict> {
  const file = await toFile(bytes);
  const { stdout, stderr } = await run('dciodvfy', ['-new', file]).catch((err: { stdout: string; stderr: string }) => err);
  const output = `${stdout}${stderr}`;
  return { errors: output.split('\n').filter((l) => /^Error/.test(l)), output };
}

/** DCMTK's SR reader: it checks the IOD's relationship and value-type rules while parsing. */
export async function dsrdump(bytes: Uint8Array): Promise<Verdict> {
  const file = await toFile(bytes);
  const result = await run('dsrdump', ['-Ee', '-Ec', '+Pl', file]).catch((err: { stdout: string; stderr: string; code: number }) => err);
  const output = `${result.stdout}${result.stderr}`;
  return { errors: output.split('\n').filter((l) => /^(E|F):/.test(l)), output };
}
