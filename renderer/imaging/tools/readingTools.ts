/**
 * The tools of a reading viewport, by the name a radiologist uses. What each maps to in
 * cornerstone lives in readingToolGroup.ts; this list has no cornerstone import so the shortcut
 * map and sheet can be tested anywhere.
 */
export const READING_TOOL_IDS = ['windowLevel', 'pan', 'zoom', 'length', 'ellipse', 'rectangle', 'magnifier'] as const;

export type ReadingToolId = (typeof READING_TOOL_IDS)[number];

/** Labels for buttons and the shortcut sheet. */
export const READING_TOOL_LABELS: Readonly<Record<ReadingToolId, string>> = {
  windowLevel: 'Window/level',
  pan: 'Pan',
  zoom: 'Zoom',
  length: 'Length',
  ellipse: 'Ellipse ROI',
  rectangle: 'Rectangle ROI',
  magnifier: 'Magnifier',
};
