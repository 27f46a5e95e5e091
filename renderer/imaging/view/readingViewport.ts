import type { Types } from '@cornerstonejs/core';
import { peekSharedRenderingEngine } from '../renderingEngine';

/** The StackViewport enabled under `viewportId` on the shared engine, if it is showing one. */
export function readingViewport(viewportId: string | undefined): Types.IStackViewport | undefined {
  if (!viewportId) return undefined;
  const viewport = peekSharedRenderingEngine()?.getViewport(viewportId);
  return viewport && 'getCornerstoneImage' in viewport ? (viewport as Types.IStackViewport) : undefined;
}

/** World units (mm when calibrated, image pixels otherwise) per image pixel, vertically. */
export function worldPerImagePixel(viewport: Types.IStackViewport): number | undefined {
  const spacing = viewport.getImageData()?.spacing;
  const row = spacing?.[1];
  return typeof row === 'number' && row > 0 ? row : undefined;
}

/** World units one CSS pixel of the viewport spans now. */
export function worldPerCssPixel(viewport: Types.IStackViewport): number | undefined {
  const height = viewport.element.clientHeight;
  const { parallelScale } = viewport.getCamera();
  return height > 0 && parallelScale ? (2 * parallelScale) / height : undefined;
}

/** True when the viewport's world units are millimetres. */
export function isCalibratedViewport(viewport: Types.IStackViewport): boolean {
  return viewport.getImageData()?.hasPixelSpacing === true;
}
