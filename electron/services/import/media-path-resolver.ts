import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * A file name as DICOM media name it: upper-case, without the ISO 9660 version suffix (`;1`) or
 * the trailing dot some CD drivers show (`IM000001.`). Linux mounts CDs lower-case by default.
 */
export function normaliseMediaName(name: string): string {
  return name.replace(/;\d*$/, '').replace(/\.$/, '').toUpperCase();
}

interface Listing {
  exact: Set<string>;
  byMediaName: Map<string, string>;
}

/**
 * Finds the files a DICOMDIR references on a medium whose file system changed the names: the
 * components of a ReferencedFileID are matched against the real names of each folder, exactly
 * first, then case-insensitively. Folder listings are cached, so a DICOMDIR of thousands of
 * images costs one readdir per folder.
 */
export class MediaPathResolver {
  private readonly listings = new Map<string, Promise<Listing | undefined>>();

  /** The real path of `fileId` under `root`, or undefined when the medium lacks it. */
  async resolve(root: string, fileId: readonly string[]): Promise<string | undefined> {
    let current = root;
    for (const component of fileId) {
      if (!isPlainName(component)) return undefined;
      const listing = await this.list(current);
      const actual = listing?.exact.has(component) ? component : listing?.byMediaName.get(normaliseMediaName(component));
      if (actual === undefined) return undefined;
      current = path.join(current, actual);
    }
    return current === root ? undefined : current;
  }

  private list(dir: string): Promise<Listing | undefined> {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = readdir(dir).then(
        (names) => {
          const byMediaName = new Map<string, string>();
          for (const name of names.sort()) if (!byMediaName.has(normaliseMediaName(name))) byMediaName.set(normaliseMediaName(name), name);
          return { exact: new Set(names), byMediaName };
        },
        () => undefined,
      );
      this.listings.set(dir, listing);
    }
    return listing;
  }
}

/** A file ID component names one entry of a folder: never `..`, a root, or a nested path. */
function isPlainName(component: string): boolean {
  return component !== '' && component !== '.' && component !== '..' && !/[/\\\0]/.test(component);
}
