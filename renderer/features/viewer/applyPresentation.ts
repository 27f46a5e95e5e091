import type { DisplayTransform } from '../../../shared/hanging/display-transform';
import type { ViewportDefaults } from '../../imaging/reading';

/**
 * How a hung image is shown by default (and what reset returns to): rotation and flips from
 * laterality and PatientOrientation, and the chest wall pinned to its side of the viewport.
 * The display area is applied before the flips (cornerstone's setDisplayArea resets them) and a
 * flip mirrors the image in place, so the pin is given as the chest-wall side on screen.
 * `scaleFactor` (from the slot's scale group) fits that many times the image's extent, so that
 * the images of a group share one physical scale.
 */
export function presentationDefaults(transform: DisplayTransform, scaleFactor = 1): ViewportDefaults {
  const side = transform.chestWallSide;
  const x = side === 'right' ? 1 : side === 'left' ? 0 : 0.5;
  return {
    displayArea: { type: 'FIT', imageArea: [scaleFactor, scaleFactor], imageCanvasPoint: { imagePoint: [x, 0.5], canvasPoint: [x, 0.5] }, storeAsInitialCamera: true },
    rotation: transform.rotate90 ? 90 : 0,
    flipHorizontal: transform.flipHorizontal,
    flipVertical: transform.flipVertical,
  };
}
