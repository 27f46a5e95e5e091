import { useSyncExternalStore } from 'react';
import type { StudyAiResult, ViewResult } from '../../../shared/domain/ai-result';

/**
 * The AI result the viewer is showing, as `inference.getResult` returned it (never a result
 * straight from a run: issue 6 seals results until the reader signs, and getResult is where that
 * gate sits). Heatmap layers find their view here by SOP Instance UID.
 */
let shown: StudyAiResult | undefined;
const listeners = new Set<() => void>();

export function getShownAiResult(): StudyAiResult | undefined {
  return shown;
}

export function setShownAiResult(result: StudyAiResult | undefined): void {
  if (result === shown) return;
  shown = result;
  for (const listener of listeners) listener();
}

export function onDidChangeShownAiResult(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useShownAiResult(): StudyAiResult | undefined {
  return useSyncExternalStore(onDidChangeShownAiResult, getShownAiResult, getShownAiResult);
}

/** The shown result's view for one image, if the model read it. */
export function useShownViewResult(sopInstanceUid: string): ViewResult | undefined {
  const result = useShownAiResult();
  return result?.views.find((view) => view.sopInstanceUid === sopInstanceUid);
}
