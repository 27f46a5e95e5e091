import type { Types } from '@cornerstonejs/core';
import type { DisplayScale } from '../calibration/displayScale';

/**
 * How a viewport looks as hung: what the hanging protocol decided, and what reset returns to.
 * Everything is optional; an empty default is the image fitted, unflipped, with its own window.
 */
export interface ViewportDefaults {
  flipHorizontal?: boolean;
  flipVertical?: boolean;
  /** Degrees clockwise: 0, 90, 180 or 270. */
  rotation?: number;
  /**
   * cornerstone display area, e.g. to pin the chest wall to the viewport's edge; applied before
   * the flips (cornerstone's setDisplayArea resets them), so give it in the unflipped image.
   * Wins over displayScale.
   */
  displayArea?: Types.DisplayArea;
  displayScale?: DisplayScale;
  /** A VOI preset id from `voiPresetsOf` (e.g. `window-1`, `auto`); the file's first window otherwise. */
  voiPresetId?: string;
}

const defaultsByViewport = new Map<string, ViewportDefaults>();

/** Declare how a viewport is hung; applied when its image is shown and on every reset. */
export function setViewportDefaults(viewportId: string, defaults: ViewportDefaults): void {
  defaultsByViewport.set(viewportId, defaults);
}

/** The hanging defaults of a viewport (empty when none were declared). */
export function getViewportDefaults(viewportId: string): ViewportDefaults {
  return defaultsByViewport.get(viewportId) ?? {};
}

/** Forget a viewport's defaults (it is gone). */
export function clearViewportDefaults(viewportId: string): void {
  defaultsByViewport.delete(viewportId);
}
