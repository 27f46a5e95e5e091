import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { packRefused } from './pack-refusal';
import { readZipEntries } from './zip-reader';

/** Largest pack accepted: well above a DenseNet-121 or a ResNet-50 in float32. */
export const MAX_PACK_BYTES = 1024 * 2 ** 20;

/**
 * Every file of a pack, by its path inside the pack ('/'-separated), read from a folder or a
 * .zip. A zip whose files all sit in one top-level folder is read from inside that folder.
 */
export async function readPackSource(location: string): Promise<Map<string, Uint8Array>> {
  const info = await stat(location).catch(() => undefined);
  if (!info) throw packRefused(`nothing exists at ${location}.`);
  const files = info.isDirectory() ? await readFolder(location) : await readZip(location);
  if (files.size === 0) throw packRefused(`${location} holds no files.`);
  return stripCommonFolder(files);
}

async function readZip(file: string): Promise<Map<string, Uint8Array>> {
  if (!file.toLowerCase().endsWith('.zip')) throw packRefused('a pack is a folder or a .zip file.');
  const bytes = await readFile(file);
  if (bytes.length > MAX_PACK_BYTES) throw packRefused(`the archive is larger than ${MAX_PACK_BYTES / 2 ** 20} MiB.`);
  try {
    return readZipEntries(bytes, MAX_PACK_BYTES);
  } catch (err) {
    throw packRefused(`the .zip cannot be read: ${(err as Error).message}.`);
  }
}

async function readFolder(root: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const bytes = await readFile(full);
        total += bytes.length;
        if (total > MAX_PACK_BYTES) throw packRefused(`the folder holds more than ${MAX_PACK_BYTES / 2 ** 20} MiB.`);
        files.set(path.relative(root, full).split(path.sep).join('/'), new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }
    }
  };
  await walk(root);
  return files;
}

function stripCommonFolder(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  if (files.has('manifest.json')) return files;
  const tops = new Set([...files.keys()].map((p) => p.split('/')[0]));
  if (tops.size !== 1) return files;
  const prefix = `${[...tops][0]}/`;
  if (![...files.keys()].every((p) => p.startsWith(prefix))) return files;
  return new Map([...files].map(([p, b]) => [p.slice(prefix.length), b]));
}
