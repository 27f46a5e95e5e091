import type { ImageAttributes } from './image-attributes';

/** The physical size of one pixel, which a scale group uses to show images at the same scale. */
export interface DisplaySpacing {
  /** Spacing between rows and between columns, in mm. */
  rowMm: number;
  columnMm: number;
  /**
   * `magnification-corrected`: ImagerPixelSpacing / EstimatedRadiographicMagnificationFactor,
   * the spacing in the breast (or patient) plane. `pixel-spacing`: PixelSpacing as written.
   * `detector`: ImagerPixelSpacing uncorrected, so sizes read a little large.
   */
  source: 'magnification-corrected' | 'pixel-spacing' | 'detector';
}

/**
 * The spacing to scale an image by (DOMAIN.md §1.1: breast-plane spacing = ImagerPixelSpacing /
 * ERMF), or undefined when the header gives none.
 */
export function displaySpacing(image: ImageAttributes): DisplaySpacing | undefined {
  const imager = image.imagerPixelSpacing;
  const ermf = image.estimatedRadiographicMagnificationFactor;
  if (imager && ermf) return { rowMm: imager[0] / ermf, columnMm: imager[1] / ermf, source: 'magnification-corrected' };
  if (image.pixelSpacing) return { rowMm: image.pixelSpacing[0], columnMm: image.pixelSpacing[1], source: 'pixel-spacing' };
  if (imager) return { rowMm: imager[0], columnMm: imager[1], source: 'detector' };
  return undefined;
}
