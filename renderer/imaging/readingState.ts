import { useSyncExternalStore } from 'react';
import type { ReadingToolId } from './tools/readingTools';

/**
 * What the reading UI shares across viewports, toolbar and shortcut sheet: the tool on the left
 * mouse button, the viewport commands apply to, and whether the shortcut sheet is open.
 */
export interface ReadingState {
  /** The tool the left mouse button drives in every reading viewport. */
  readonly tool: ReadingToolId;
  /** The viewport the toolbar acts on: the last one clicked, else the first one shown. */
  readonly activeViewportId: string | undefined;
  readonly shortcutSheetOpen: boolean;
  /** Bumped when a viewport shows its first image, so views of its metadata refresh. */
  readonly imagesVersion: number;
  /** AI heatmaps and marks drawn over the images (when a result is shown). */
  readonly aiOverlayVisible: boolean;
}

type Listener = () => void;

let state: ReadingState = { tool: 'windowLevel', activeViewportId: undefined, shortcutSheetOpen: false, imagesVersion: 0, aiOverlayVisible: true };
const listeners = new Set<Listener>();

/** The current state (a new object after every change). */
export function getReadingState(): ReadingState {
  return state;
}

/** Merge `patch` into the state and notify subscribers when something changed. */
export function updateReadingState(patch: Partial<ReadingState>): void {
  const next = { ...state, ...patch };
  if ((Object.keys(patch) as Array<keyof ReadingState>).every((key) => next[key] === state[key])) return;
  state = next;
  for (const listener of listeners) listener();
}

/** Subscribe to state changes; returns the unsubscribe function. */
export function onDidChangeReadingState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The reading state, re-rendering the component when it changes. */
export function useReadingState(): ReadingState {
  return useSyncExternalStore(onDidChangeReadingState, getReadingState, getReadingState);
}

/** The viewport the toolbar acts on, or undefined while none is shown. */
export function useActiveViewport(): string | undefined {
  return useReadingState().activeViewportId;
}
