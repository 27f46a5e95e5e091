import { Enums, eventTarget, metaData, type Types } from '@cornerstonejs/core';
import { Enums as MetadataEnums, utilities as metadataUtilities } from '@cornerstonejs/metadata';

const NATURALIZED = MetadataEnums.MetadataModules.NATURALIZED;
const DICOMFILE_PREFIX = 'dicomfile:';

/**
 * Once a file's image is decoded, its encoded pixels are dead weight: the parsed data set
 * (cornerstone's NATURALIZED metadata, also `image.data`) keeps the whole file buffer alive
 * through its PixelData, about 27 MB per full-field mammogram. This drops that reference after
 * decoding, and forgets the parsed data set when cornerstone evicts the decoded image, so a later
 * load parses the file again from its registered Blob instead of finding no pixels.
 */
export function installEncodedPixelRelease(): void {
  eventTarget.addEventListener(Enums.Events.IMAGE_LOADED, ((event: CustomEvent<{ image: Types.IImage }>) => {
    const { imageId } = event.detail.image;
    if (!imageId.startsWith(DICOMFILE_PREFIX)) return;
    const natural = metaData.get(NATURALIZED, imageId) as Record<string, unknown> | undefined;
    if (natural && 'PixelData' in natural) delete natural['PixelData'];
  }) as EventListener);
  eventTarget.addEventListener(Enums.Events.IMAGE_CACHE_IMAGE_REMOVED, ((event: CustomEvent<{ imageId: string }>) => {
    const { imageId } = event.detail;
    if (imageId?.startsWith(DICOMFILE_PREFIX)) metadataUtilities.clearTypedCacheData(NATURALIZED, imageId);
  }) as EventListener);
}
