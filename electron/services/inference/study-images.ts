import { isHangable } from '../../../shared/hanging/hangable';
import { imageAttributesFromDicomJson } from '../../../shared/hanging/image-attributes';
import { ServiceError } from '../../../shared/ipc/errors';
import { selectImages } from '../../../shared/models/acceptance';
import type { PackManifest } from '../../../shared/models/manifest';
import type { SourceImage } from '../../../shared/models/source-image';
import type { LocalArchive } from '../archive/local-archive';
import { decodeInstance } from './decode-instance';

/**
 * The archived images of a study that a pack reads, decoded, in the pack's order. Refuses with
 * IMAGE_NOT_ACCEPTED (and the reason) when the study has nothing the pack can read.
 */
export async function loadStudyImages(archive: LocalArchive, studyUid: string, manifest: PackManifest): Promise<SourceImage[]> {
  return decodeFiles(await selectStudyFiles(archive, studyUid, manifest));
}

/** Decodes Part 10 files for a pack, one after another, in their order. */
export async function decodeFiles(files: readonly Uint8Array[]): Promise<SourceImage[]> {
  const images: SourceImage[] = [];
  for (const file of files) images.push(await decodeInstance(file));
  return images;
}

/**
 * The archived Part 10 files of a study that a pack reads, in the pack's order, chosen from the
 * archive's header index as the hanging and the renderer's AI choose them (modality, side and
 * view from the same reader): only the chosen files are read, and the inference process decodes
 * them. The AI reads what the reader reads: never For Processing data or a picture derived from
 * another image (Tandem's own heatmaps written back with a report, another product's overlays).
 */
export async function selectStudyFiles(archive: LocalArchive, studyUid: string, manifest: PackManifest): Promise<Uint8Array[]> {
  const candidates = (await archive.readHeaders(studyUid))
    .map((ds) => imageAttributesFromDicomJson(ds))
    .filter((a) => isHangable(a) && (a.rows ?? 0) > 0 && (a.columns ?? 0) > 0)
    .map((a) => ({
      ref: { studyInstanceUID: studyUid, seriesInstanceUID: a.seriesInstanceUID, sopInstanceUID: a.sopInstanceUID },
      modality: a.modality ?? '',
      view: a.view,
      laterality: a.imageLaterality === 'L' || a.imageLaterality === 'R' ? a.imageLaterality : undefined,
    }));
  const picked = selectImages(manifest, candidates);
  if (!picked.ok) throw new ServiceError('IMAGE_NOT_ACCEPTED', picked.reason);
  const files: Uint8Array[] = [];
  for (const image of picked.images) files.push(await archive.readInstance(image.ref));
  return files;
}
