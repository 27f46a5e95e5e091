import { useSyncExternalStore } from 'react';
import type { HeatmapStyle } from './heatmapPixels';

/** How every heatmap of the open study is drawn; shared by all viewports and the AI controls. */
export interface AiOverlayStyle extends HeatmapStyle {
  /** Draw the outlines of the marks at the operating point. */
  contours: boolean;
}

export const DEFAULT_OVERLAY_STYLE: AiOverlayStyle = { colormap: 'jet', opacity: 0.45, threshold: 0.2, contours: true };

let style: AiOverlayStyle = DEFAULT_OVERLAY_STYLE;
const listeners = new Set<() => void>();

export function getAiOverlayStyle(): AiOverlayStyle {
  return style;
}

/** Merge `patch` into the style and redraw every heatmap. */
export function updateAiOverlayStyle(patch: Partial<AiOverlayStyle>): void {
  style = { ...style, ...patch };
  for (const listener of listeners) listener();
}

export function onDidChangeAiOverlayStyle(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAiOverlayStyle(): AiOverlayStyle {
  return useSyncExternalStore(onDidChangeAiOverlayStyle, getAiOverlayStyle, getAiOverlayStyle);
}
