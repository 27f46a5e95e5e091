import type { Types } from '@cornerstonejs/core';
import { ServiceError } from '../../shared/ipc/errors';
import type { SourceImage, StoredPixels } from '../../shared/models/source-image';

/** Who the image is, as the hanging code read it from the header. */
export type SourceIdentity = Pick<SourceImage, 'studyInstanceUid' | 'seriesInstanceUid' | 'sopInstanceUid' | 'modality' | 'laterality' | 'view'>;

/** What the pipeline needs of the file's header, as cornerstone's metadata naturalizes it. */
export interface PixelHeader {
  PhotometricInterpretation?: unknown;
  RescaleSlope?: unknown;
  RescaleIntercept?: unknown;
  WindowCenter?: unknown;
  WindowWidth?: unknown;
}

const first = (value: unknown): number | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  const n = typeof v === 'string' ? Number.parseFloat(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/**
 * The pipeline's source image from cornerstone's decoded image: the stored pixels (copied, so
 * the copy can be transferred to the worker while cornerstone keeps its cached image) and the
 * header fields. When the loader has already applied the modality LUT ("pre-scaled"), the copy
 * holds modality values and the rescale is reported as identity, so it is not applied twice.
 */
export function sourceImageFromCornerstone(identity: SourceIdentity, image: Types.IImage, header: PixelHeader): SourceImage {
  if (image.color || image.numberOfComponents > 1) {
    throw new ServiceError('IMAGE_NOT_ACCEPTED', `The ${identity.view ?? ''} image is in colour; AI packs read greyscale radiographs only.`.replace('  ', ' '));
  }
  const photometric = String(header.PhotometricInterpretation ?? image.photometricInterpretation ?? 'MONOCHROME2').trim();
  if (photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2') {
    throw new ServiceError('IMAGE_NOT_ACCEPTED', `Photometric interpretation ${photometric} is not greyscale; AI packs read MONOCHROME1/2 images.`);
  }
  const prescaled = image.preScale?.scaled === true;
  const pixels = (image.getPixelData() as StoredPixels).slice() as StoredPixels;
  if (pixels.length !== image.rows * image.columns) {
    throw new ServiceError('IMAGE_NOT_ACCEPTED', `The decoded image holds ${pixels.length} samples for ${image.rows}×${image.columns} pixels.`);
  }
  return {
    ...identity,
    rows: image.rows,
    columns: image.columns,
    pixels,
    rescaleSlope: prescaled ? 1 : (first(header.RescaleSlope) ?? 1),
    rescaleIntercept: prescaled ? 0 : (first(header.RescaleIntercept) ?? 0),
    photometric,
    windowCenter: first(header.WindowCenter),
    windowWidth: first(header.WindowWidth),
  };
}
