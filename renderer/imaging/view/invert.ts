import { readingViewport } from './readingViewport';

/** Swap black and white in a viewport. Returns the new state, or undefined without an image. */
export function toggleInvert(viewportId: string): boolean | undefined {
  const viewport = readingViewport(viewportId);
  if (!viewport?.getCornerstoneImage()) return undefined;
  const invert = !viewport.getProperties().invert;
  viewport.setProperties({ invert });
  viewport.render();
  return invert;
}
