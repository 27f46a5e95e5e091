import type { DisplayScale } from '../calibration/displayScale';
import { READING_TOOL_LABELS, type ReadingToolId } from './readingTools';

/** Everything a key or a toolbar button can ask a reading viewport for. */
export type ReadingCommand =
  | { kind: 'tool'; tool: ReadingToolId }
  | { kind: 'invert' }
  | { kind: 'next-preset' }
  | { kind: 'scale'; scale: DisplayScale }
  | { kind: 'reset' }
  | { kind: 'delete-measurement' }
  | { kind: 'shortcut-sheet' };

/** One keyboard shortcut. */
export interface Shortcut {
  /** `KeyboardEvent.key`; letters match in either case. */
  readonly key: string;
  /** The key as the sheet and button titles show it. */
  readonly keyLabel: string;
  readonly command: ReadingCommand;
  readonly description: string;
  /** The command lasts while the key is held down (the magnifier), instead of running once. */
  readonly hold?: boolean;
}

const tool = (id: ReadingToolId, key: string, description = `${READING_TOOL_LABELS[id]} on the left mouse button`): Shortcut => ({
  key,
  keyLabel: key.toUpperCase(),
  command: { kind: 'tool', tool: id },
  description,
});

/**
 * Every reading shortcut, in the order the sheet lists them. The keyboard handler, the toolbar's
 * titles and the shortcut sheet all read this one map.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  tool('windowLevel', 'w', 'Window/level: drag with the left button'),
  tool('pan', 'p', 'Pan with the left button'),
  tool('zoom', 'z', 'Zoom with the left button'),
  tool('length', 'l', 'Length measurement'),
  tool('ellipse', 'e', 'Ellipse ROI (area, mean, SD)'),
  tool('rectangle', 'r', 'Rectangle ROI (area, mean, SD)'),
  { ...tool('magnifier', 'm', 'Magnifier: hold over the image to see native pixels'), hold: true },
  { key: 'i', keyLabel: 'I', command: { kind: 'invert' }, description: 'Invert greyscale' },
  { key: 'v', keyLabel: 'V', command: { kind: 'next-preset' }, description: 'Next window preset (file VOI, auto)' },
  { key: '1', keyLabel: '1', command: { kind: 'scale', scale: 'fit' }, description: 'Fit the image to the viewport' },
  { key: '2', keyLabel: '2', command: { kind: 'scale', scale: 'pixel' }, description: '1:1: one image pixel per screen pixel' },
  { key: '3', keyLabel: '3', command: { kind: 'scale', scale: 'true-size' }, description: 'True size: image mm = screen mm' },
  { key: 'Escape', keyLabel: 'Esc', command: { kind: 'reset' }, description: 'Reset window, zoom, pan and flips to the hanging' },
  { key: 'Delete', keyLabel: 'Del', command: { kind: 'delete-measurement' }, description: 'Delete the selected measurement' },
  { key: '?', keyLabel: '?', command: { kind: 'shortcut-sheet' }, description: 'Show or hide this list' },
];

/** Mouse gestures that work whatever tool is on the left button, for the sheet. */
export const MOUSE_GESTURES: ReadonlyArray<{ gesture: string; description: string }> = [
  { gesture: 'Left drag', description: 'The selected tool (window/level by default)' },
  { gesture: 'Middle drag', description: 'Pan' },
  { gesture: 'Right drag', description: 'Zoom' },
  { gesture: 'Wheel', description: 'Zoom' },
];

/** Keys that step through the hanging protocol's stages (`useStageStepping` reads these). */
export const STAGE_KEYS = {
  next: ['PageDown', 'n', 'N'],
  previous: ['PageUp', 'b', 'B'],
} as const;

/** The stage keys as the sheet lists them. */
export const STAGE_SHORTCUTS: ReadonlyArray<{ keyLabel: string; description: string }> = [
  { keyLabel: 'PgDn / N', description: 'Next stage: 4-up → current against prior (CC, then MLO) → single views' },
  { keyLabel: 'PgUp / B', description: 'Previous stage' },
];

const sameCommand = (a: ReadingCommand, b: ReadingCommand): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The shortcut that runs `command`, if any (for button titles). */
export function shortcutFor(command: ReadingCommand): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => sameCommand(shortcut.command, command));
}

/** The shortcut a key event asks for; none while Ctrl, Alt or Meta is held. */
export function shortcutForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): Shortcut | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return SHORTCUTS.find((shortcut) => shortcut.key === key);
}
