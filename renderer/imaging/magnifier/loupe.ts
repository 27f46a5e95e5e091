import { Enums, type Types } from '@cornerstonejs/core';
import { getSharedRenderingEngine, peekSharedRenderingEngine } from '../renderingEngine';
import { readingViewport, worldPerCssPixel, worldPerImagePixel } from '../view/readingViewport';
import { copyDisplayCurve } from '../voi/displayCurve';

/**
 * The magnifier: a second StackViewport of the same image, on the shared engine, whose camera
 * is set to the image's *native* pixels (each image pixel on NATIVE_MAGNIFICATION device pixels),
 * so it shows detail the zoomed-out canvas has averaged away; it is not an enlarged screenshot.
 * It copies the source's window, LUT, inversion and orientation (flips and rotation live in the
 * camera, which it copies). When the reader has already zoomed in beyond native, it still
 * magnifies ×2 over the canvas.
 *
 * The element carries `data-render-state` (`loading` until the aimed frame is drawn) and
 * `data-source-rect` (`x,y,width,height`: the canvas region, in the source's CSS pixels, it shows,
 * centred on the pointer; near an edge the lens itself moves inward so it is never cut off).
 */
export const LOUPE_VIEWPORT_ID = 'tandem-loupe';
export const LOUPE_CSS_SIZE = 256;
export const NATIVE_MAGNIFICATION = 2;
/** The least magnification over what the canvas shows. */
const MIN_OVER_CANVAS = 2;

interface LoupeSession {
  readonly sourceViewportId: string;
  readonly element: HTMLDivElement;
  point: Types.Point2;
  loupe: Types.IStackViewport | undefined;
  disposed: boolean;
}

let session: LoupeSession | undefined;

const devicePixelRatio = (): number => (window.devicePixelRatio > 0 ? window.devicePixelRatio : 1);

function createElement(): HTMLDivElement {
  const element = document.createElement('div');
  element.className = 'tandem-loupe';
  element.dataset.testid = 'loupe';
  element.dataset.renderState = 'loading';
  Object.assign(element.style, {
    position: 'absolute',
    width: `${LOUPE_CSS_SIZE}px`,
    height: `${LOUPE_CSS_SIZE}px`,
    outline: '2px solid #4fa3ff',
    boxShadow: '0 0 0 1px #000, 0 4px 16px rgba(0,0,0,0.6)',
    background: '#000',
    pointerEvents: 'none',
    zIndex: '5',
  } satisfies Partial<CSSStyleDeclaration>);
  return element;
}

/** Centred on the pointer, but kept inside the viewport so the lens is never cut off. */
function place(current: LoupeSession): void {
  const host = current.element.parentElement;
  const clamp = (centre: number, extent: number | undefined) => {
    const start = centre - LOUPE_CSS_SIZE / 2;
    return extent && extent > LOUPE_CSS_SIZE ? Math.min(Math.max(0, start), extent - LOUPE_CSS_SIZE) : start;
  };
  current.element.style.left = `${clamp(current.point[0], host?.clientWidth)}px`;
  current.element.style.top = `${clamp(current.point[1], host?.clientHeight)}px`;
}

/** Point the loupe's camera at the image point under `current.point`. */
function aim(current: LoupeSession): void {
  const source = readingViewport(current.sourceViewportId);
  const loupe = current.loupe;
  if (!source || !loupe || current.disposed) return;
  const spacing = worldPerImagePixel(source);
  const sourceWorldPerCss = worldPerCssPixel(source);
  if (!spacing || !sourceWorldPerCss) return;
  const nativeWorldPerCss = (spacing * devicePixelRatio()) / NATIVE_MAGNIFICATION;
  const worldPerCss = Math.min(nativeWorldPerCss, sourceWorldPerCss / MIN_OVER_CANVAS);
  const focalPoint = source.canvasToWorld(current.point);
  // The loupe's own camera carries the source's flips and rotation (set once, in showLoupe).
  const { position: p, focalPoint: f, viewPlaneNormal: n = [0, 0, 1] } = loupe.getCamera();
  const distance = p && f ? Math.hypot(p[0] - f[0], p[1] - f[1], p[2] - f[2]) : 1;
  loupe.setCamera({
    focalPoint,
    position: [focalPoint[0] + n[0] * distance, focalPoint[1] + n[1] * distance, focalPoint[2] + n[2] * distance],
    parallelScale: (worldPerCss * LOUPE_CSS_SIZE) / 2,
  });
  const region = (LOUPE_CSS_SIZE * worldPerCss) / sourceWorldPerCss;
  const { element } = current;
  element.dataset.sourceRect = [current.point[0] - region / 2, current.point[1] - region / 2, region, region].map((v) => v.toFixed(2)).join(',');
  element.dataset.magnification = (sourceWorldPerCss / worldPerCss).toFixed(3);
  element.dataset.renderState = 'loading';
  loupe.render();
}

/** Whether the loupe is showing, and over which viewport. */
export function loupeSourceViewportId(): string | undefined {
  return session?.sourceViewportId;
}

/** Show the loupe over `sourceViewportId` at `point` (CSS pixels in that viewport's canvas). */
export function showLoupe(sourceViewportId: string, point: Types.Point2): void {
  if (session?.sourceViewportId === sourceViewportId) {
    moveLoupe(point);
    return;
  }
  hideLoupe();
  const source = readingViewport(sourceViewportId);
  const imageId = source?.getCurrentImageId();
  if (!source?.getCornerstoneImage() || !imageId) return;
  const element = createElement();
  const current: LoupeSession = { sourceViewportId, element, point, loupe: undefined, disposed: false };
  session = current;
  source.element.appendChild(element);
  place(current);
  element.addEventListener(Enums.Events.IMAGE_RENDERED, () => {
    if (current.loupe && !current.disposed && element.dataset.sourceRect) element.dataset.renderState = 'rendered';
  });
  const engine = getSharedRenderingEngine();
  engine.enableElement({ viewportId: LOUPE_VIEWPORT_ID, type: Enums.ViewportType.STACK, element, defaultOptions: { background: [0, 0, 0] } });
  const loupe = engine.getViewport(LOUPE_VIEWPORT_ID) as Types.IStackViewport;
  loupe
    .setStack([imageId], 0)
    .then(() => {
      if (current.disposed) return;
      const liveSource = readingViewport(sourceViewportId);
      if (!liveSource) return hideLoupe();
      copyDisplayCurve(liveSource, loupe);
      const { flipHorizontal, flipVertical, rotation } = liveSource.getViewPresentation();
      loupe.setViewPresentation({ flipHorizontal, flipVertical, rotation });
      current.loupe = loupe;
      aim(current);
    })
    .catch(() => {
      if (session === current) hideLoupe();
    });
}

/** Follow the pointer to `point` in the source viewport's canvas. */
export function moveLoupe(point: Types.Point2): void {
  if (!session) return;
  session.point = point;
  place(session);
  aim(session);
}

/** Take the loupe away. */
export function hideLoupe(): void {
  const current = session;
  if (!current) return;
  session = undefined;
  current.disposed = true;
  const engine = peekSharedRenderingEngine();
  if (engine?.getViewport(LOUPE_VIEWPORT_ID)) engine.disableElement(LOUPE_VIEWPORT_ID);
  current.element.remove();
}
