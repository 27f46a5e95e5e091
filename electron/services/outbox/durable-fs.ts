import { open } from 'node:fs/promises';

/**
 * Creates a file that must not exist yet and fsyncs its content before resolving. Nothing refers
 * to the file until the caller publishes it (the outbox: by writing the item record), so a crash
 * part-way leaves only an unreferenced file that recovery deletes.
 */
export async function writeNewFileDurably(target: string, data: Uint8Array): Promise<void> {
  const handle = await open(target, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the entries of a directory (new files, renames, deletions) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the metadata instead.
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; there it is not needed.
  } finally {
    await handle.close();
  }
}
