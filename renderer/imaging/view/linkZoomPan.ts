import { Enums, type Types } from '@cornerstonejs/core';
import { isCalibratedViewport, readingViewport, worldPerCssPixel } from './readingViewport';

/**
 * Zoom and pan linked across the images of a pair (RCC/LCC, current/prior): a synchronizer on
 * CAMERA_MODIFIED. Zoom is linked by physical scale (mm per screen pixel) when every image is
 * calibrated, so both breasts show the same size (DOMAIN.md §1.4), and by zoom factor otherwise.
 * Pan is linked in screen pixels; a `mirrored` member pans the other way horizontally, so two
 * images hung back to back move symmetrically about the seam.
 *
 * Members may be linked before their viewports exist: each one joins when it is enabled
 * (attachLinkedViewport, called by the viewport hook) and leaves when it is disabled.
 */
export type LinkMember = string | { viewportId: string; mirrored?: boolean };

interface LinkGroup {
  members: Map<string, { mirrored: boolean }>;
  syncing: boolean;
}

const groups = new Set<LinkGroup>();
const listeners = new Map<string, (event: Event) => void>();
/** Viewports hung and ready: camera changes before that (setStack, hanging defaults) stay local. */
const ready = new Set<string>();

function propagate(group: LinkGroup, sourceId: string): void {
  const source = readingViewport(sourceId);
  const sourceMember = group.members.get(sourceId);
  if (!source?.getCornerstoneImage() || !sourceMember || group.syncing || !ready.has(sourceId)) return;
  group.syncing = true;
  try {
    const pan = source.getPan();
    const sourceScale = worldPerCssPixel(source);
    for (const [targetId, targetMember] of group.members) {
      const target = targetId === sourceId || !ready.has(targetId) ? undefined : readingViewport(targetId);
      if (!target?.getCornerstoneImage()) continue;
      const height = target.element.clientHeight;
      if (sourceScale && height > 0 && isCalibratedViewport(source) && isCalibratedViewport(target)) {
        target.setCamera({ parallelScale: (sourceScale * height) / 2 });
      } else {
        target.setZoom(source.getZoom());
      }
      const mirror = targetMember.mirrored !== sourceMember.mirrored ? -1 : 1;
      target.setPan([pan[0] * mirror, pan[1]] as Types.Point2);
      target.render();
    }
  } finally {
    group.syncing = false;
  }
}

function listen(viewportId: string): void {
  const viewport = readingViewport(viewportId);
  if (!viewport || listeners.has(viewportId)) return;
  const onCamera = (): void => {
    for (const group of groups) if (group.members.has(viewportId)) propagate(group, viewportId);
  };
  viewport.element.addEventListener(Enums.Events.CAMERA_MODIFIED, onCamera);
  listeners.set(viewportId, onCamera);
}

/** A viewport was enabled: start following it if a link names it. */
export function attachLinkedViewport(viewportId: string): void {
  for (const group of groups) if (group.members.has(viewportId)) listen(viewportId);
}

/**
 * Whether a viewport's camera changes are the reader's: false while its image loads and its
 * hanging defaults are applied (and during a reset), so those never move the other images.
 */
export function setLinkingReady(viewportId: string, isReady: boolean): void {
  if (isReady) ready.add(viewportId);
  else ready.delete(viewportId);
}

function stopListening(viewportId: string): void {
  const listener = listeners.get(viewportId);
  const viewport = readingViewport(viewportId);
  if (listener && viewport) viewport.element.removeEventListener(Enums.Events.CAMERA_MODIFIED, listener);
  listeners.delete(viewportId);
}

/** A viewport is being disabled: stop following it. */
export function detachLinkedViewport(viewportId: string): void {
  ready.delete(viewportId);
  stopListening(viewportId);
}

/**
 * Link zoom and pan of `members` (viewport ids, or `{ viewportId, mirrored }`). Returns the
 * function that unlinks them. A viewport may be in several links (e.g. RCC with LCC, and RCC
 * with the prior RCC).
 */
export function linkZoomPan(members: readonly LinkMember[]): () => void {
  const group: LinkGroup = { members: new Map(), syncing: false };
  for (const member of members) {
    const { viewportId, mirrored = false } = typeof member === 'string' ? { viewportId: member } : member;
    group.members.set(viewportId, { mirrored });
  }
  groups.add(group);
  for (const viewportId of group.members.keys()) listen(viewportId);
  return () => {
    groups.delete(group);
    for (const viewportId of group.members.keys()) {
      if (![...groups].some((g) => g.members.has(viewportId))) stopListening(viewportId);
    }
  };
}
