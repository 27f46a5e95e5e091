import { createHash, createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import { summariseZodError } from '../../../shared/ipc/errors';
import { PackManifest, PackSignature } from '../../../shared/models/manifest';
import type { TrustedModelKey } from '../../../shared/models/trusted-key';
import { packRefused } from './pack-refusal';

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'signature.json';

export interface VerifiedPack {
  manifest: PackManifest;
  manifestBytes: Uint8Array;
  /** The trusted key's name when signed. */
  signedBy?: string;
  files: Map<string, Uint8Array>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The checks that need no model runtime: manifest schema, every file present with its SHA-256
 * and size, no unlisted files, and the Ed25519 signature (when present) by a trusted key.
 */
export function verifyPackFiles(files: Map<string, Uint8Array>, trustedKeys: readonly TrustedModelKey[]): VerifiedPack {
  const manifestBytes = files.get(MANIFEST_FILE);
  if (!manifestBytes) throw packRefused('it has no manifest.json at its top level.');
  const manifest = parseManifest(manifestBytes);
  for (const entry of manifest.files) {
    const bytes = files.get(entry.path);
    if (!bytes) throw packRefused(`the file ${entry.path} listed in the manifest is missing.`);
    if (bytes.length !== entry.bytes || sha256Hex(bytes) !== entry.sha256) {
      throw packRefused(`the file ${entry.path} does not match its SHA-256 in the manifest (it was modified or damaged).`);
    }
  }
  const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE, ...manifest.files.map((f) => f.path)]);
  const extra = [...files.keys()].filter((p) => !listed.has(p));
  if (extra.length > 0) throw packRefused(`it holds files the manifest does not list (${extra.slice(0, 3).join(', ')}).`);
  const signatureBytes = files.get(SIGNATURE_FILE);
  const signedBy = signatureBytes ? checkSignature(signatureBytes, manifestBytes, trustedKeys) : undefined;
  return { manifest, manifestBytes, signedBy, files };
}

function parseManifest(bytes: Uint8Array): PackManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw packRefused('manifest.json is not valid JSON.');
  }
  const parsed = PackManifest.safeParse(json);
  if (!parsed.success) throw packRefused(`manifest.json does not follow the pack schema (${summariseZodError(parsed.error)}).`);
  return parsed.data;
}

function checkSignature(signatureBytes: Uint8Array, manifestBytes: Uint8Array, trustedKeys: readonly TrustedModelKey[]): string {
  let signature: PackSignature;
  try {
    signature = PackSignature.parse(JSON.parse(new TextDecoder().decode(signatureBytes)));
  } catch (err) {
    throw packRefused(`signature.json is malformed${err instanceof z.ZodError ? ` (${summariseZodError(err)})` : ''}.`);
  }
  const key = trustedKeys.find((k) => k.id === signature.keyId);
  if (!key) throw packRefused(`it is signed by the key "${signature.keyId}", which is not among the trusted keys in settings.`);
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey, 'base64').toString('base64url') },
    format: 'jwk',
  });
  const valid = verify(null, manifestBytes, publicKey, Buffer.from(signature.signature, 'base64'));
  if (!valid) throw packRefused(`its signature does not verify with the trusted key "${key.name}" (the manifest was changed after signing, or the signature is forged).`);
  return key.name;
}
