import { imageLoader } from '@cornerstonejs/core';
import type { Laterality } from '../../shared/domain/ai-result';
import { isHangable } from '../../shared/hanging/hangable';
import { imageAttributesFromDicomJson, type ImageAttributes } from '../../shared/hanging/image-attributes';
import type { TandemApi } from '../../shared/ipc/api';
import { initImaging } from '../imaging/cornerstone';
import { naturalizedInstance } from '../imaging/naturalizedInstance';
import { part10ImageId, registerPart10 } from '../imaging/part10';
import { sourceImageFromCornerstone, type PixelHeader, type SourceIdentity } from './sourceImageFromCornerstone';
import type { SourceImage } from '../../shared/models/source-image';

/**
 * The identity of every image of an archived study the AI may read, read from its headers like
 * the hanging does: what the reader reads, never For Processing data or a derived overlay.
 */
export async function studyImageIdentities(api: TandemApi, studyInstanceUid: string): Promise<SourceIdentity[]> {
  const headers = await api.studies.readInstanceHeaders(studyInstanceUid);
  return headers.map((h) => imageAttributesFromDicomJson(h as never)).filter(isHangable).map(identityOf);
}

function identityOf(a: ImageAttributes): SourceIdentity {
  const laterality: Laterality | undefined = a.imageLaterality === 'L' || a.imageLaterality === 'R' ? a.imageLaterality : undefined;
  return {
    studyInstanceUid: a.studyInstanceUID,
    seriesInstanceUid: a.seriesInstanceUID,
    sopInstanceUid: a.sopInstanceUID,
    modality: a.modality ?? '',
    laterality,
    view: a.view,
  };
}

/**
 * Decodes `identities` with cornerstone (the same decoded images the viewports show, cached) and
 * returns each as a pipeline source image with its own copy of the pixels.
 */
export async function loadSourceImages(api: TandemApi, identities: readonly SourceIdentity[]): Promise<SourceImage[]> {
  await initImaging();
  const images: SourceImage[] = [];
  for (const identity of identities) {
    const ref = { studyInstanceUID: identity.studyInstanceUid, seriesInstanceUID: identity.seriesInstanceUid, sopInstanceUID: identity.sopInstanceUid };
    const imageId = part10ImageId(ref.sopInstanceUID) ?? registerPart10(await api.studies.readInstance(ref), ref.sopInstanceUID);
    const image = await imageLoader.loadAndCacheImage(imageId);
    images.push(sourceImageFromCornerstone(identity, image, (naturalizedInstance(imageId) ?? {}) as PixelHeader));
  }
  return images;
}
