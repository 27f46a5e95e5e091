import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { readDicomdirRecords } from './dicomdir-records';
import { describeReadError } from './file-reading';
import type { SkipOutcome } from './import-outcome';
import { MediaPathResolver, normaliseMediaName } from './media-path-resolver';

/** A file to import, or one the walk already knows it cannot import. */
export type SourceEntry = { kind: 'file'; path: string } | (SkipOutcome & { path: string });

/** Files operating systems leave on sticks and discs; never patient data, never worth a line in the summary. */
const OS_LEFTOVERS = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', '.spotlight-v100', '.trashes', '.fseventsd', '.temporaryitems', 'system volume information', '$recycle.bin', '__macosx']);

/**
 * Lists what an import covers, file by file. A folder holding a DICOMDIR yields exactly the files
 * the DICOMDIR references (matched case-insensitively; missing ones come as 'unreadable' skips);
 * any other folder is walked recursively. Choosing a DICOMDIR file means choosing its folder.
 * Symbolic links are followed, each folder and file at
 * most once, so link loops end. Stops early when `signal` aborts.
 */
export async function* walkImportSources(paths: readonly string[], signal: AbortSignal): AsyncGenerator<SourceEntry> {
  const walk = new SourceWalk(signal);
  for (const p of paths) {
    if (signal.aborted) return;
    yield* walk.fromPath(p);
  }
}

class SourceWalk {
  private readonly visitedFolders = new Set<string>();
  private readonly seenFiles = new Set<string>();
  private readonly resolver = new MediaPathResolver();

  constructor(private readonly signal: AbortSignal) {}

  async *fromPath(target: string): AsyncGenerator<SourceEntry> {
    let info;
    try {
      info = await stat(target);
    } catch (err) {
      yield unreadable(target, describeReadError(err));
      return;
    }
    if (info.isDirectory()) yield* this.folder(target);
    else if (!info.isFile()) yield unreadable(target, 'Not a file or folder (a device or socket).');
    else if (normaliseMediaName(path.basename(target)) === 'DICOMDIR') yield* this.folder(path.dirname(target));
    else yield* this.file(target);
  }

  private async *folder(dir: string): AsyncGenerator<SourceEntry> {
    if (this.signal.aborted) return;
    let entries: Dirent[];
    try {
      const real = await realpath(dir);
      if (this.visitedFolders.has(real)) return;
      this.visitedFolders.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      yield unreadable(dir, describeReadError(err));
      return;
    }
    const dicomdir = entries.find((e) => normaliseMediaName(e.name) === 'DICOMDIR' && !e.isDirectory());
    if (dicomdir && (yield* this.dicomdir(path.join(dir, dicomdir.name)))) return;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (this.signal.aborted) return;
      if (entry === dicomdir || OS_LEFTOVERS.has(entry.name.toLowerCase()) || entry.name.startsWith('._')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* this.folder(full);
      else if (entry.isFile()) yield* this.file(full);
      else if (entry.isSymbolicLink()) yield* this.fromPath(full);
    }
  }

  /**
   * Yields the files a DICOMDIR references. Returns false, after reporting why, when the DICOMDIR
   * cannot be used (unreadable, damaged, or listing no file): its folder is then walked instead.
   */
  private async *dicomdir(file: string): AsyncGenerator<SourceEntry, boolean> {
    const root = path.dirname(file);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      yield unreadable(file, `${describeReadError(err)} The folder was searched file by file instead.`);
      return false;
    }
    const reading = readDicomdirRecords(bytes);
    if (!reading.ok) {
      yield { kind: 'skipped', reason: 'corrupt', path: file, detail: `Unusable DICOMDIR: ${reading.problem}. The folder was searched file by file instead.` };
      return false;
    }
    if (reading.records.length === 0) return false;
    for (const record of reading.records) {
      if (this.signal.aborted) return true;
      const found = await this.resolver.resolve(root, record.fileId);
      if (found) yield* this.file(found);
      else yield unreadable(path.join(root, ...record.fileId), 'Listed in the DICOMDIR but missing on the disc or stick.');
    }
    return true;
  }

  private async *file(file: string): AsyncGenerator<SourceEntry> {
    let real: string;
    try {
      real = await realpath(file);
    } catch (err) {
      yield unreadable(file, describeReadError(err));
      return;
    }
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    yield { kind: 'file', path: file };
  }
}

function unreadable(target: string, detail: string): SourceEntry {
  return { kind: 'skipped', reason: 'unreadable', path: target, detail };
}
