import { useEffect, useState, type RefObject } from 'react';
import { Enums, eventTarget, type Types } from '@cornerstonejs/core';
import { initImaging } from './cornerstone';
import { decodedImageProblem } from './decodedImageProblem';
import { describeLoadError } from './describeLoadError';
import { readingViewportDisabling, readingViewportEnabled, readingViewportShown } from './readingViewportLifecycle';
import { getSharedRenderingEngine, peekSharedRenderingEngine } from './renderingEngine';

export type RenderState =
  | { status: 'loading' }
  | { status: 'rendered' }
  | { status: 'error'; reason: string };

const LOADING: RenderState = { status: 'loading' };

interface ImageLoadErrorDetail {
  imageId?: string;
  error?: unknown;
}

/** Options of useStackViewport. */
export interface StackViewportOptions {
  /**
   * Make it a reading viewport (default): the reading tools, zoom/pan links and hanging defaults
   * (readingViewportLifecycle.ts). False gives a bare viewport, e.g. a thumbnail.
   */
  reading?: boolean;
}

/**
 * Enable `elementRef` as a StackViewport on the shared rendering engine, show `imageIds`, and report
 * the render state. `rendered` is set only once cornerstone has put the first image on the canvas
 * (STACK_NEW_IMAGE for it, followed by IMAGE_RENDERED); a load/decode failure of the displayed image
 * gives `error` with the loader's reason. The element is disabled again on unmount or when the
 * inputs change.
 */
export function useStackViewport(
  elementRef: RefObject<HTMLDivElement | null>,
  viewportId: string,
  imageIds: readonly string[],
  { reading = true }: StackViewportOptions = {},
): RenderState {
  const [state, setState] = useState<RenderState>(LOADING);
  // Re-run only when the stack's content changes, not on every new array identity.
  const stackKey = imageIds.join('\n');

  useEffect(() => {
    const element = elementRef.current;
    const ids = stackKey ? stackKey.split('\n') : [];
    const firstImageId = ids[0];
    if (!element || firstImageId === undefined) {
      setState({ status: 'error', reason: 'no image to display' });
      return;
    }

    let disposed = false;
    let enabled = false;
    let firstImageShown = false;
    let viewport: Types.IStackViewport | undefined;
    setState(LOADING);

    const fail = (reason: unknown): void => {
      if (disposed) return;
      setState({ status: 'error', reason: describeLoadError(reason) });
    };
    // StrictMode (and quick remounts) can leave an earlier, disabled viewport finishing its load on
    // the same element; only events about the live viewport's own image count.
    const onStackNewImage = (event: Event): void => {
      const { image, imageId, viewportId: eventViewportId } = (event as Types.EventTypes.StackNewImageEvent).detail;
      if (disposed || !viewport || imageId !== firstImageId || eventViewportId !== viewportId) return;
      if (viewport.getCornerstoneImage() !== image) return;
      const problem = decodedImageProblem(image);
      if (problem) fail(problem);
      else firstImageShown = true;
    };
    let hung = false;
    const onImageRendered = (event: Event): void => {
      // The magnifier is a viewport inside this element; its events bubble up here.
      if (disposed || !firstImageShown || (event as CustomEvent<{ viewportId?: string }>).detail?.viewportId !== viewportId) return;
      if (reading && viewport && !hung) {
        hung = true;
        readingViewportShown(viewport);
      }
      setState((s) => (s.status === 'loading' ? { status: 'rendered' } : s));
    };
    const onImageLoadError = (event: Event): void => {
      const detail = (event as CustomEvent<ImageLoadErrorDetail>).detail;
      if (!detail?.imageId || !viewport) return;
      // Only the image this viewport is showing (other viewports' failures are theirs).
      if (detail.imageId === viewport.getCurrentImageId()) fail(detail.error ?? detail);
    };

    element.addEventListener(Enums.Events.STACK_NEW_IMAGE, onStackNewImage);
    element.addEventListener(Enums.Events.IMAGE_RENDERED, onImageRendered);
    eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_ERROR, onImageLoadError);

    void (async () => {
      await initImaging();
      if (disposed) return;
      const engine = getSharedRenderingEngine();
      engine.enableElement({
        viewportId,
        type: Enums.ViewportType.STACK,
        element,
        defaultOptions: { background: [0, 0, 0] },
      });
      enabled = true;
      viewport = engine.getViewport<Types.IStackViewport>(viewportId);
      if (reading) readingViewportEnabled(viewportId);
      // Resolves even when the GPU path fails to load (it reports IMAGE_LOAD_ERROR instead);
      // the CPU path rejects.
      await viewport.setStack([...ids], 0);
      if (disposed) return;
      // A second render makes sure IMAGE_RENDERED follows STACK_NEW_IMAGE in every backend.
      if (firstImageShown) viewport.render();
    })().catch(fail);

    return () => {
      disposed = true;
      element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, onStackNewImage);
      element.removeEventListener(Enums.Events.IMAGE_RENDERED, onImageRendered);
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_ERROR, onImageLoadError);
      const engine = peekSharedRenderingEngine();
      if (enabled && engine?.getViewport(viewportId)) {
        if (reading) readingViewportDisabling(viewportId);
        engine.disableElement(viewportId);
      }
    };
  }, [elementRef, viewportId, stackKey, reading]);

  return state;
}
