import type { Types } from '@cornerstonejs/core';
import type { DisplayTransform } from '../../../shared/hanging/display-transform';
import { peekSharedRenderingEngine } from '../../imaging/renderingEngine';

/**
 * Orients a rendered viewport as the hanging protocol says: rotation and flips from laterality
 * and PatientOrientation, and the chest wall pinned to its side of the viewport.
 *
 * Setting a display area resets the camera (flips included), and a flip mirrors the image in
 * place; so the image is pinned to the chest-wall edge first and flipped second.
 */
export function applyPresentation(viewportId: string, transform: DisplayTransform): void {
  const viewport = peekSharedRenderingEngine()?.getViewport(viewportId) as Types.IStackViewport | undefined;
  if (!viewport) return;
  const side = transform.chestWallSide;
  const x = side === 'right' ? 1 : side === 'left' ? 0 : 0.5;
  viewport.setDisplayArea({
    type: 'FIT',
    imageArea: [1, 1],
    imageCanvasPoint: { imagePoint: [x, 0.5], canvasPoint: [x, 0.5] },
    storeAsInitialCamera: true,
  });
  viewport.setViewPresentation({
    rotation: transform.rotate90 ? 90 : 0,
    flipHorizontal: transform.flipHorizontal,
    flipVertical: transform.flipVertical,
  });
  viewport.render();
}
