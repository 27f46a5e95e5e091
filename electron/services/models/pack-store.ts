import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as ort from 'onnxruntime-node';
import { ServiceError } from '../../../shared/ipc/errors';
import type { InstalledPack } from '../../../shared/models/installed-pack';
import { isNotForClinicalUse } from '../../../shared/models/manifest';
import type { TrustedModelKey } from '../../../shared/models/trusted-key';
import { checkGraphAgainstManifest } from './check-graph';
import { openNodeSession } from './ort-session';
import { packRefused } from './pack-refusal';
import { readPackSource } from './pack-source';
import { sha256Hex, type VerifiedPack, verifyPackFiles } from './verify-pack';

export interface PackStoreOptions {
  /** Where imported packs are installed (one folder per pack id). */
  root: string;
  /** Packs shipped with the app (models/packs); each is verified like an imported one. */
  builtInDirectory?: string;
  trustedKeys: () => readonly TrustedModelKey[];
}

interface LoadedPack {
  info: InstalledPack;
  /** The folder the verified files live in; they are read from disk (and re-hashed) on use. */
  dir: string;
}

/**
 * Verified model packs: the built-in ones and those the user imported. Importing verifies the
 * pack completely (files, signature, graph) before anything is written; installed packs are
 * verified again when loaded, so a file tampered with on disk is refused too.
 */
export class PackStore {
  private packs?: Map<string, LoadedPack>;
  private loading?: Promise<Map<string, LoadedPack>>;
  private readonly sessions = new Map<string, Promise<ort.InferenceSession>>();
  /** Packs found on disk that failed verification, with the reason (for the log and the UI). */
  readonly refusedOnLoad: { location: string; reason: string }[] = [];

  constructor(private readonly opts: PackStoreOptions) {}

  async list(): Promise<InstalledPack[]> {
    const packs = await this.load();
    return [...packs.values()].map((p) => p.info).sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.manifest.name.localeCompare(b.manifest.name));
  }

  async get(id: string): Promise<LoadedPack> {
    const pack = (await this.load()).get(id);
    if (!pack) throw new ServiceError('NOT_FOUND', `No model pack with id "${id}" is installed.`);
    return pack;
  }

  /** A file of a verified pack, checked against its SHA-256 again (a later change on disk is refused). */
  async readFile(id: string, file: string): Promise<Uint8Array> {
    const pack = await this.get(id);
    const entry = pack.info.manifest.files.find((f) => f.path === file);
    if (!entry) throw new ServiceError('NOT_FOUND', `The pack "${id}" has no file ${file}.`);
    const bytes = await readFile(path.join(pack.dir, ...file.split('/'))).catch(() => undefined);
    if (!bytes || sha256Hex(bytes) !== entry.sha256) {
      throw packRefused(`the file ${file} of "${pack.info.manifest.name}" changed on disk after it was verified; import the pack again.`);
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The pack's onnxruntime-node session, opened once. */
  async session(id: string): Promise<ort.InferenceSession> {
    const pack = await this.get(id);
    const key = `${id}@${pack.info.manifest.version}`;
    let session = this.sessions.get(key);
    if (!session) {
      session = this.readFile(id, pack.info.manifest.model.file).then((model) => openNodeSession(model));
      this.sessions.set(key, session);
      session.catch(() => this.sessions.delete(key));
    }
    return session;
  }

  async importPack(location: string): Promise<InstalledPack> {
    const verified = await verifyFully(await readPackSource(location), this.opts.trustedKeys());
    const packs = await this.load();
    const existing = packs.get(verified.manifest.id);
    if (existing?.info.builtIn) throw packRefused(`its id "${verified.manifest.id}" is the id of a built-in pack; give it another id.`);
    const dir = await this.install(verified);
    const info = describe(verified, false, new Date().toISOString());
    packs.set(verified.manifest.id, { info, dir });
    for (const key of [...this.sessions.keys()]) if (key.startsWith(`${verified.manifest.id}@`)) this.sessions.delete(key);
    return info;
  }

  async remove(id: string): Promise<void> {
    const pack = await this.get(id);
    if (pack.info.builtIn) throw new ServiceError('INVALID_ARGUMENT', `"${pack.info.manifest.name}" is built into Tandem and cannot be removed.`);
    await rm(path.join(this.opts.root, id), { recursive: true, force: true });
    this.packs?.delete(id);
    for (const key of [...this.sessions.keys()]) if (key.startsWith(`${id}@`)) this.sessions.delete(key);
  }

  private async install(pack: VerifiedPack): Promise<string> {
    const target = path.join(this.opts.root, pack.manifest.id);
    const staging = path.join(this.opts.root, `.staging-${pack.manifest.id}-${process.pid}-${Date.now()}`);
    await mkdir(staging, { recursive: true });
    try {
      for (const [file, bytes] of pack.files) {
        const full = path.join(staging, ...file.split('/'));
        await mkdir(path.dirname(full), { recursive: true });
        await writeFile(full, bytes);
      }
      const old = `${target}.old-${Date.now()}`;
      const hadOld = await stat(target).then(() => true, () => false);
      if (hadOld) await rename(target, old);
      await rename(staging, target);
      if (hadOld) await rm(old, { recursive: true, force: true });
    } catch (err) {
      await rm(staging, { recursive: true, force: true });
      throw err;
    }
    return target;
  }

  private load(): Promise<Map<string, LoadedPack>> {
    if (this.packs) return Promise.resolve(this.packs);
    this.loading ??= this.scan().then((packs) => (this.packs = packs));
    return this.loading;
  }

  private async scan(): Promise<Map<string, LoadedPack>> {
    const packs = new Map<string, LoadedPack>();
    const addFrom = async (dir: string | undefined, builtIn: boolean) => {
      if (!dir) return;
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
        const location = path.join(dir, entry.name);
        try {
          const verified = await verifyFully(await readPackSource(location), this.opts.trustedKeys());
          if (builtIn || !packs.get(verified.manifest.id)?.info.builtIn) {
            const installedAt = (await stat(location)).mtime.toISOString();
            packs.set(verified.manifest.id, { info: describe(verified, builtIn, installedAt), dir: location });
          }
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          this.refusedOnLoad.push({ location, reason });
          console.warn(`[models] skipped the pack in ${location}: ${reason}`);
        }
      }
    };
    await addFrom(this.opts.builtInDirectory, true);
    await addFrom(this.opts.root, false);
    return packs;
  }
}

/** Files, hashes and signature, then the graph against the manifest with a real session. */
export async function verifyFully(files: Map<string, Uint8Array>, trustedKeys: readonly TrustedModelKey[]): Promise<VerifiedPack> {
  const verified = verifyPackFiles(files, trustedKeys);
  let session: ort.InferenceSession;
  try {
    session = await openNodeSession(files.get(verified.manifest.model.file)!);
  } catch (err) {
    throw packRefused(`${verified.manifest.model.file} is not a model onnxruntime can load (${firstLine(err)}).`);
  }
  try {
    checkGraphAgainstManifest(verified.manifest, session);
  } finally {
    await session.release();
  }
  return verified;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
}

function describe(pack: VerifiedPack, builtIn: boolean, installedAt: string): InstalledPack {
  let sizeBytes = 0;
  for (const bytes of pack.files.values()) sizeBytes += bytes.length;
  return { manifest: pack.manifest, builtIn, signedBy: pack.signedBy, installedAt, sizeBytes, notForClinicalUse: isNotForClinicalUse(pack.manifest) };
}
