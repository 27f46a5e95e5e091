import type { DisplaySpacing } from './display-spacing';
import type { DisplayTransform } from './display-transform';
import type { ImageAttributes } from './image-attributes';

/** Why a viewport stays empty, as data the viewer can show. */
export interface EmptySlotReason {
  code: 'no-prior-study' | 'no-matching-image' | 'for-processing-only' | 'derived-overlay-only' | 'no-images';
  message: string;
}

interface HungSlotBase {
  slotId: string;
  name: string;
  /** 0-based cell in the stage layout, counted from the top left. */
  row: number;
  column: number;
  study: 'current' | 'prior';
  scaleGroup?: string;
  linkGroup?: string;
}

/** A viewport with its image and how to show it. */
export interface HungImageSlot extends HungSlotBase {
  kind: 'image';
  image: ImageAttributes;
  label: string;
  displayTransform: DisplayTransform;
  /** Physical pixel size for the slot's scale group; undefined when the header gives none. */
  displaySpacing?: DisplaySpacing;
}

/** A viewport that found no image. */
export interface EmptySlot extends HungSlotBase {
  kind: 'empty';
  reason: EmptySlotReason;
}

export type HungSlot = HungImageSlot | EmptySlot;

/** One screen of a hung protocol. Cells without a slot stay blank. */
export interface HungStage {
  name: string;
  layout: { rows: number; columns: number };
  slots: HungSlot[];
  /** How many slots hold an image. Keyboard stepping skips stages where this is 0. */
  filled: number;
}

/** A protocol applied to one reading session's studies: its stages in keyboard-stepping order. */
export interface HungProtocol {
  protocolId: string;
  protocolName: string;
  protocolVersion: number;
  stages: HungStage[];
}

/** A near-square grid for `count` cells, wider than tall: 1→1×1, 2→1×2, 4→2×2, 5→2×3. */
export function gridFor(count: number): { rows: number; columns: number } {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { rows: Math.max(1, Math.ceil(count / columns)), columns };
}
