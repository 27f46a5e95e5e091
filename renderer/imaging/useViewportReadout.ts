import { useEffect, useState, type RefObject } from 'react';
import { Enums } from '@cornerstonejs/core';
import { describeScale } from './calibration/scaleLabel';
import { getScreenCssPxPerMm } from './calibration/screenCalibration';
import { trueSizeCssPerImagePixel } from './calibration/displayScale';
import { isCalibratedViewport, readingViewport, worldPerCssPixel, worldPerImagePixel } from './view/readingViewport';

/** What the overlay shows about scale and calibration. */
export interface ViewportReadout {
  scaleLabel?: string;
  calibrated?: boolean;
}

/**
 * After every frame a viewport draws, write what is on screen onto `rootRef`'s element as data
 * attributes, for tests and tools that must wait on the rendered state rather than on time:
 * `data-voi` (`lower,upper`), `data-invert`, `data-css-per-image-pixel`, `data-calibrated`,
 * `data-frame` (a counter), and `data-pixels` (`min,max,digest` of the decoded stored values, once
 * per image: two encodings of one image decode to the same digest only if decoding was lossless).
 * Written directly on the element, so frames do not re-render React;
 * the overlay's scale label re-renders only when its text changes.
 */
export function useViewportReadout(
  rootRef: RefObject<HTMLElement | null>,
  hostRef: RefObject<HTMLElement | null>,
  viewportId: string,
): ViewportReadout {
  const [readout, setReadout] = useState<ViewportReadout>({});
  useEffect(() => {
    const root = rootRef.current;
    const host = hostRef.current;
    if (!root || !host) return;
    let frame = 0;
    let digestedImageId: string | undefined;
    const onRendered = (event: Event): void => {
      if ((event as CustomEvent<{ viewportId?: string }>).detail?.viewportId !== viewportId) return;
      const viewport = readingViewport(viewportId);
      if (!viewport?.getCornerstoneImage()) return;
      const { voiRange, invert } = viewport.getProperties();
      const spacing = worldPerImagePixel(viewport);
      const worldPerCss = worldPerCssPixel(viewport);
      const cssPerImagePixel = spacing && worldPerCss ? spacing / worldPerCss : undefined;
      const calibrated = isCalibratedViewport(viewport);
      root.dataset.voi = voiRange ? `${voiRange.lower.toFixed(3)},${voiRange.upper.toFixed(3)}` : '';
      root.dataset.invert = String(invert === true);
      root.dataset.calibrated = String(calibrated);
      if (cssPerImagePixel) root.dataset.cssPerImagePixel = cssPerImagePixel.toFixed(5);
      const image = viewport.getCornerstoneImage();
      if (image.imageId !== digestedImageId) {
        digestedImageId = image.imageId;
        root.dataset.pixels = pixelDigest(image.getPixelData() as ArrayLike<number>);
      }
      root.dataset.frame = String(++frame);
      const scaleLabel = cssPerImagePixel
        ? describeScale({
            zoom: viewport.getZoom(),
            cssPerImagePixel,
            devicePixelRatio: window.devicePixelRatio || 1,
            trueSizeCssPerImagePixel: calibrated ? trueSizeCssPerImagePixel(spacing, getScreenCssPxPerMm()) : undefined,
          })
        : undefined;
      setReadout((prev) => (prev.scaleLabel === scaleLabel && prev.calibrated === calibrated ? prev : { scaleLabel, calibrated }));
    };
    host.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
    return () => host.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
  }, [rootRef, hostRef, viewportId]);
  return readout;
}

/** Smallest and largest stored value and an FNV-1a digest of all values, as `min,max,digest`. */
export function pixelDigest(values: ArrayLike<number>): string {
  let hash = 0x811c9dc5;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = Math.round(values[i]!);
    if (v < min) min = v;
    if (v > max) max = v;
    hash = Math.imul(hash ^ (v & 0xffff), 0x01000193);
  }
  return `${min},${max},${(hash >>> 0).toString(16)}`;
}
