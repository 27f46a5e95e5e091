import { readString } from '../../../shared/dicom/dicom-json';
import { isHangable } from '../../../shared/hanging/hangable';
import { imageAttributesFromDicomJson } from '../../../shared/hanging/image-attributes';
import { ServiceError } from '../../../shared/ipc/errors';
import { selectImages } from '../../../shared/models/acceptance';
import type { PackManifest } from '../../../shared/models/manifest';
import type { SourceImage } from '../../../shared/models/source-image';
import type { LocalArchive } from '../archive/local-archive';
import { decodeInstance, type ImageHeader, readImageHeader } from './decode-instance';

type Located = ImageHeader & { bytes: Uint8Array };

/**
 * The archived images of a study that a pack reads, decoded, in the pack's order. Refuses with
 * IMAGE_NOT_ACCEPTED (and the reason) when the study has nothing the pack can read.
 */
export async function loadStudyImages(archive: LocalArchive, studyUid: string, manifest: PackManifest): Promise<SourceImage[]> {
  const images: SourceImage[] = [];
  for (const file of await selectStudyFiles(archive, studyUid, manifest)) images.push(await decodeInstance(file));
  return images;
}

/**
 * The archived Part 10 files of a study that a pack reads, in the pack's order, chosen from their
 * headers alone (the inference process decodes them). Refuses like `loadStudyImages`.
 */
export async function selectStudyFiles(archive: LocalArchive, studyUid: string, manifest: PackManifest): Promise<Uint8Array[]> {
  const headers = await archive.readHeaders(studyUid);
  const located: Located[] = [];
  for (const ds of headers) {
    // The AI reads what the reader reads: never For Processing data or a picture derived from
    // another image (Tandem's own heatmaps written back with a report, another product's overlays).
    if (!isHangable(imageAttributesFromDicomJson(ds))) continue;
    const seriesInstanceUID = readString(ds, '0020000E');
    const sopInstanceUID = readString(ds, '00080018');
    if (!seriesInstanceUID || !sopInstanceUID) continue;
    const bytes = await archive.readInstance({ studyInstanceUID: studyUid, seriesInstanceUID, sopInstanceUID });
    try {
      located.push({ ...readImageHeader(bytes).header, bytes });
    } catch {
      // Not an image (an SR, a presentation state): nothing for a model to read.
    }
  }
  const picked = selectImages(manifest, located.filter((l) => l.rows > 0 && l.columns > 0));
  if (!picked.ok) throw new ServiceError('IMAGE_NOT_ACCEPTED', picked.reason);
  return picked.images.map((image) => image.bytes);
}
