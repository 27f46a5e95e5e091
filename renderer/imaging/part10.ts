import { cache } from '@cornerstonejs/core';
import { wadouri } from '@cornerstonejs/dicom-image-loader';
import { Enums as MetadataEnums, utilities as metadataUtilities } from '@cornerstonejs/metadata';

/**
 * DICOM Part 10 files held in memory, made loadable by cornerstone through the dicom-image-loader's
 * `dicomfile:` scheme (its file manager holds a Blob; the loader reads and naturalises it lazily).
 */

const DICOMFILE_PREFIX = 'dicomfile:';

const imageIdByKey = new Map<string, string>();
const keyByImageId = new Map<string, string>();

/** A Blob-compatible copy-free view where possible (Blob rejects SharedArrayBuffer views). */
function toBlobPart(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

/**
 * Make the bytes of one DICOM Part 10 file loadable and return its cornerstone imageId
 * (`dicomfile:N`). The bytes are copied into a Blob, so the caller may reuse its buffer.
 * With a `key` (e.g. the SOP Instance UID), registering the same key again returns the same
 * imageId without copying again.
 */
export function registerPart10(bytes: Uint8Array, key?: string): string {
  if (key !== undefined) {
    const existing = imageIdByKey.get(key);
    if (existing) return existing;
  }
  const imageId = wadouri.fileManager.add(new Blob([toBlobPart(bytes)], { type: 'application/dicom' }));
  if (key !== undefined) {
    imageIdByKey.set(key, imageId);
    keyByImageId.set(imageId, key);
  }
  return imageId;
}

/** The imageId registered under `key`, if any. */
export function part10ImageId(key: string): string | undefined {
  return imageIdByKey.get(key);
}

/**
 * Forget a registered file: drop its bytes, its decoded image from cornerstone's cache and its
 * parsed metadata. Accepts the imageId or the key it was registered with. Viewports still showing
 * it keep their current pixels but can no longer reload it.
 */
export function releasePart10(imageIdOrKey: string): void {
  const imageId = imageIdByKey.get(imageIdOrKey) ?? imageIdOrKey;
  if (!imageId.startsWith(DICOMFILE_PREFIX)) return;

  const key = keyByImageId.get(imageId);
  if (key !== undefined) imageIdByKey.delete(key);
  keyByImageId.delete(imageId);

  const index = Number.parseInt(imageId.slice(DICOMFILE_PREFIX.length), 10);
  if (Number.isInteger(index)) wadouri.fileManager.remove(index);

  if (cache.getImageLoadObject(imageId)) cache.removeImageLoadObject(imageId, { force: true });
  metadataUtilities.clearTypedCacheData(MetadataEnums.MetadataModules.NATURALIZED, imageId);
}

/**
 * Forget every registered file: the bytes, the decoded images and their metadata. Called when a
 * study is closed, so memory does not grow with every study read in a session.
 */
export function releaseAllPart10(): void {
  for (const imageId of [...keyByImageId.keys()]) releasePart10(imageId);
}
