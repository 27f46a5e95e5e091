import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/data` next to the checkout (absent in a fresh clone). */
export const SHARED_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

/** The path of a shared file, or undefined (with the reason logged) when it is absent. */
export function sharedFile(relative: string): string | undefined {
  const full = path.join(SHARED_DATA_DIR, relative);
  if (existsSync(full)) return full;
  console.warn(`[skip] ${full} is absent (../shared/data is not next to this checkout)`);
  return undefined;
}
