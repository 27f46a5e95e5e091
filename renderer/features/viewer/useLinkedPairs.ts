import { useEffect } from 'react';
import type { HungStage } from '../../../shared/hanging/hung-layout';
import { linkZoomPan, type LinkMember } from '../../imaging/reading';

/** The viewport id of a slot on a stage; one place, so linking and rendering agree. */
export function slotViewportId(stageIndex: number, slotId: string): string {
  return `vp-${stageIndex}-${slotId}`;
}

/**
 * Links zoom and pan within each link group of the stage (the two images of a pair), mirroring
 * pan across the seam between left- and right-facing breasts.
 */
export function useLinkedPairs(stage: HungStage | undefined, stageIndex: number): void {
  useEffect(() => {
    const groups = new Map<string, LinkMember[]>();
    for (const slot of stage?.slots ?? []) {
      if (slot.kind !== 'image' || !slot.linkGroup) continue;
      const member = { viewportId: slotViewportId(stageIndex, slot.slotId), mirrored: slot.displayTransform.chestWallSide === 'left' };
      groups.set(slot.linkGroup, [...(groups.get(slot.linkGroup) ?? []), member]);
    }
    const unlinks = [...groups.values()].filter((members) => members.length > 1).map((members) => linkZoomPan(members));
    return () => unlinks.forEach((unlink) => unlink());
  }, [stage, stageIndex]);
}
