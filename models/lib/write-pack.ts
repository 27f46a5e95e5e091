import { createHash, sign, type KeyObject } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackFile, PackManifest } from '../../shared/models/manifest';

export type ManifestDraft = Omit<PackManifest, 'files'>;

/** The manifest with every file's SHA-256 and size filled in. */
export function completeManifest(draft: ManifestDraft, files: Record<string, Uint8Array>): PackManifest {
  const entries: PackFile[] = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, bytes]) => ({ path: p, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }));
  return { ...draft, files: entries };
}

/** Stable, human-diffable manifest bytes (2-space JSON, trailing newline). */
export function manifestBytes(manifest: PackManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Writes a pack folder: the files, manifest.json, and (with a key) signature.json signing the
 * manifest bytes with Ed25519.
 */
export async function writePack(
  dir: string,
  draft: ManifestDraft,
  files: Record<string, Uint8Array>,
  signing?: { keyId: string; privateKey: KeyObject },
): Promise<PackManifest> {
  await mkdir(dir, { recursive: true });
  for (const [p, bytes] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, p)), { recursive: true });
    await writeFile(path.join(dir, p), bytes);
  }
  const manifest = completeManifest(draft, files);
  const bytes = manifestBytes(manifest);
  await writeFile(path.join(dir, 'manifest.json'), bytes);
  if (signing) {
    const signature = sign(null, bytes, signing.privateKey).toString('base64');
    await writeFile(path.join(dir, 'signature.json'), JSON.stringify({ algorithm: 'ed25519', keyId: signing.keyId, signature }, null, 2));
  }
  return manifest;
}
