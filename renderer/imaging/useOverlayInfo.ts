import { useMemo } from 'react';
import { Enums, metaData } from '@cornerstonejs/core';
import { isReduced } from './overlay/imageQuality';
import { mergeOverlayInfo, readOverlayFromMetadata, type ViewportOverlayInfo } from './overlay/overlayInfo';
import { readingViewport } from './view/readingViewport';

/**
 * The overlay of one viewport: what the caller gave, with the blanks filled from the image's
 * metadata once it is shown, and REDUCED when the decoded frame is smaller than the image.
 */
export function useOverlayInfo(viewportId: string, imageId: string | undefined, shown: boolean, given: ViewportOverlayInfo | undefined): ViewportOverlayInfo {
  const givenKey = JSON.stringify(given ?? {});
  return useMemo(() => {
    const parsedGiven = JSON.parse(givenKey) as ViewportOverlayInfo;
    if (!shown || !imageId) return parsedGiven;
    const image = readingViewport(viewportId)?.getCornerstoneImage();
    const pixel = metaData.get(Enums.MetadataModules.IMAGE_PIXEL, imageId) as { rows?: number; columns?: number } | undefined;
    const reduced = image ? isReduced({ rows: image.rows, columns: image.columns }, { rows: pixel?.rows, columns: pixel?.columns }) : undefined;
    return mergeOverlayInfo({ ...readOverlayFromMetadata(imageId), reduced }, parsedGiven);
  }, [viewportId, imageId, shown, givenKey]);
}
