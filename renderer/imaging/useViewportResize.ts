import { useEffect, type RefObject } from 'react';
import { peekSharedRenderingEngine } from './renderingEngine';

/**
 * Keep cornerstone's canvases in step with the element's size. Resizes are coalesced to one per
 * animation frame; the camera (zoom/pan) is kept.
 */
export function useViewportResize(elementRef: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const element = elementRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return;

    let frame = 0;
    const observer = new ResizeObserver(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        peekSharedRenderingEngine()?.resize(true, true);
      });
    });
    observer.observe(element);

    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [elementRef]);
}
