import type { Types } from '@cornerstonejs/core';
import { hideLoupe, loupeSourceViewportId, moveLoupe, showLoupe } from './loupe';

/**
 * Where the mouse is over the reading viewports, so a held key (the magnifier) knows where to
 * look, and the loupe follows the pointer whether a key or a mouse button holds it.
 */
interface PointerOver {
  viewportId: string;
  canvasPoint: Types.Point2;
}

let over: PointerOver | undefined;
let magnifierHeld = false;

/** The pointer moved over a viewport whose canvas is `canvasElement`. */
export function notePointer(viewportId: string, canvasElement: HTMLElement, clientX: number, clientY: number): void {
  const rect = canvasElement.getBoundingClientRect();
  over = { viewportId, canvasPoint: [clientX - rect.left, clientY - rect.top] };
  if (loupeSourceViewportId() === viewportId) moveLoupe(over.canvasPoint);
  else if (magnifierHeld) showLoupe(viewportId, over.canvasPoint);
}

/** The pointer left a viewport. */
export function notePointerLeft(viewportId: string): void {
  if (over?.viewportId !== viewportId) return;
  over = undefined;
  if (magnifierHeld && loupeSourceViewportId() === viewportId) hideLoupe();
}

/** The viewport under the pointer, if any. */
export function viewportUnderPointer(): string | undefined {
  return over?.viewportId;
}

/** The magnifier key went down (true) or up (false). */
export function holdMagnifier(held: boolean): void {
  magnifierHeld = held;
  if (!held) hideLoupe();
  else if (over) showLoupe(over.viewportId, over.canvasPoint);
}
