import type { Types } from '@cornerstonejs/core';
import { hideLoupe, loupeSourceViewportId } from './magnifier/loupe';
import { getReadingState, updateReadingState } from './readingState';
import { addReadingViewport, removeReadingViewport } from './tools/readingToolGroup';
import { attachLinkedViewport, detachLinkedViewport, setLinkingReady } from './view/linkZoomPan';
import { applyViewportDefaults } from './view/resetViewport';
import { forgetDisplayCurve } from './voi/displayCurve';
import { forgetVoiPreset } from './voi/voiPresetCommands';

/**
 * What becomes of a reading viewport at each step of its life: tools and links when it is
 * enabled, the hanging defaults when its first image is on screen, and clean-up before it is
 * disabled.
 */

/** The element was enabled on the shared engine. */
export function readingViewportEnabled(viewportId: string): void {
  addReadingViewport(viewportId);
  attachLinkedViewport(viewportId);
}

/** The first image is on screen: hang it, then let links and toolbars see it. */
export function readingViewportShown(viewport: Types.IStackViewport): void {
  applyViewportDefaults(viewport);
  setLinkingReady(viewport.id, true);
  const { activeViewportId, imagesVersion } = getReadingState();
  updateReadingState({ activeViewportId: activeViewportId ?? viewport.id, imagesVersion: imagesVersion + 1 });
}

/** The element is about to be disabled. */
export function readingViewportDisabling(viewportId: string): void {
  if (loupeSourceViewportId() === viewportId) hideLoupe();
  detachLinkedViewport(viewportId);
  removeReadingViewport(viewportId);
  forgetDisplayCurve(viewportId);
  forgetVoiPreset(viewportId);
  if (getReadingState().activeViewportId === viewportId) updateReadingState({ activeViewportId: undefined });
}
