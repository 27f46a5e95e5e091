import type { Types } from '@cornerstonejs/core';
import { rebuildDisplayCurve } from '../voi/displayCurve';
import { applyVoiPreset, forgetVoiPreset } from '../voi/voiPresetCommands';
import { applyDisplayScale } from './displayScaleCommand';
import { setLinkingReady } from './linkZoomPan';
import { readingViewport } from './readingViewport';
import { getViewportDefaults } from './viewportDefaults';

/**
 * Put a viewport object into its hanging defaults: camera (fit, display area or display scale),
 * flips and rotation, then its default window. Used on first display and by reset.
 */
export function applyViewportDefaults(viewport: Types.IStackViewport): void {
  const defaults = getViewportDefaults(viewport.id);
  viewport.resetCamera({ resetPan: true, resetZoom: true });
  // setDisplayArea resets the camera, flips included: pin first, flip second.
  if (defaults.displayArea) viewport.setDisplayArea(defaults.displayArea);
  const { flipHorizontal = false, flipVertical = false, rotation = 0 } = defaults;
  viewport.setViewPresentation({ flipHorizontal, flipVertical, rotation });
  if (!defaults.displayArea && defaults.displayScale && defaults.displayScale !== 'fit') applyDisplayScale(viewport, defaults.displayScale);
  if (defaults.voiPresetId) applyVoiPreset(viewport.id, defaults.voiPresetId);
  viewport.render();
}

/**
 * Reset a viewport to how it was hung: window (the file's own VOI, or the hanging's preset),
 * inversion (MONOCHROME1 stays displayed as such), zoom, pan, flips and rotation. Measurements
 * stay. Linked images do not follow (each resets on its own). Returns false when the viewport
 * shows no image.
 */
export function resetViewport(viewportId: string): boolean {
  const viewport = readingViewport(viewportId);
  if (!viewport?.getCornerstoneImage()) return false;
  forgetVoiPreset(viewportId);
  setLinkingReady(viewportId, false);
  try {
    viewport.resetProperties();
    rebuildDisplayCurve(viewport);
    applyViewportDefaults(viewport);
  } finally {
    setLinkingReady(viewportId, true);
  }
  return true;
}
