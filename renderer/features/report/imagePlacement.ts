import { Enums, utilities, type Types } from '@cornerstonejs/core';
import type { ImagePoint } from '../../../shared/report/mammo-report';
import { peekSharedRenderingEngine } from '../../imaging/renderingEngine';

function viewportOf(viewportId: string): Types.IStackViewport | undefined {
  try {
    return peekSharedRenderingEngine()?.getViewport(viewportId) as Types.IStackViewport | undefined;
  } catch {
    return undefined;
  }
}

/** The image pixel (column, row from the top-left corner) under a point of a viewport's canvas. */
export function imagePointUnder(viewportId: string, clientX: number, clientY: number): { column: number; row: number } | undefined {
  const viewport = viewportOf(viewportId);
  const imageId = viewport?.getCurrentImageId();
  if (!viewport || !imageId) return undefined;
  const rect = viewport.element.getBoundingClientRect();
  const world = viewport.canvasToWorld([clientX - rect.left, clientY - rect.top]);
  const image = utilities.worldToImageCoords(imageId, world);
  const size = viewport.getImageData()?.dimensions;
  if (!image || !size) return undefined;
  // A click on the background beside the image is not a place on the breast.
  if (image[0] < 0 || image[1] < 0 || image[0] > size[0] || image[1] > size[1]) return undefined;
  return { column: image[0], row: image[1] };
}

/** Where an image pixel is on a viewport's canvas, in CSS pixels, or undefined if not shown. */
export function canvasPointOf(viewportId: string, column: number, row: number): { x: number; y: number } | undefined {
  const viewport = viewportOf(viewportId);
  const imageId = viewport?.getCurrentImageId();
  if (!viewport || !imageId) return undefined;
  const world = utilities.imageToWorldCoords(imageId, [column, row]);
  if (!world) return undefined;
  const [x, y] = viewport.worldToCanvas(world);
  return { x, y };
}

/** Calls back after every render of a viewport (pan, zoom, flip); returns the unsubscribe. */
export function onViewportRendered(viewportId: string, callback: () => void): () => void {
  const element = viewportOf(viewportId)?.element;
  if (!element) return () => undefined;
  element.addEventListener(Enums.Events.IMAGE_RENDERED, callback);
  return () => element.removeEventListener(Enums.Events.IMAGE_RENDERED, callback);
}

/**
 * Waits for the reader to click a finding on one of the hung images (Escape cancels). The click
 * is taken before the viewer's tools see it, so it never moves the window or the image.
 */
export function pickImagePoint(): Promise<ImagePoint | undefined> {
  return new Promise((resolve) => {
    document.body.dataset.placing = 'true';
    const finish = (point: ImagePoint | undefined) => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('keydown', onKey, true);
      delete document.body.dataset.placing;
      resolve(point);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      finish(undefined);
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      const hung = target?.closest<HTMLElement>('[data-sop-instance-uid]');
      const viewportId = target?.closest<HTMLElement>('[data-viewport-id]')?.dataset.viewportId;
      if (!hung || !viewportId) return finish(undefined);
      e.preventDefault();
      e.stopPropagation();
      const pixel = imagePointUnder(viewportId, e.clientX, e.clientY);
      // Off the image: keep waiting for a click on it.
      if (!pixel) return;
      finish({ sopInstanceUID: hung.dataset.sopInstanceUid!, seriesInstanceUID: hung.dataset.seriesInstanceUid!, column: pixel.column, row: pixel.row });
    };
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('keydown', onKey, true);
  });
}
