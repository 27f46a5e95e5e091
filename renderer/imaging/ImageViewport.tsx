import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { notePointer, notePointerLeft } from './magnifier/pointerTracker';
import { ViewportOverlay } from './overlay/ViewportOverlay';
import type { ViewportOverlayInfo } from './overlay/overlayInfo';
import { updateReadingState, useReadingState } from './readingState';
import { useReadingShortcuts } from './tools/readingShortcuts';
import { useOverlayInfo } from './useOverlayInfo';
import { useStackViewport } from './useStackViewport';
import { useViewportReadout } from './useViewportReadout';
import { useViewportResize } from './useViewportResize';
import { clearViewportDefaults, setViewportDefaults, type ViewportDefaults } from './view/viewportDefaults';

export interface ImageViewportProps {
  /** cornerstone imageIds of the stack (e.g. from registerPart10); the first one is shown. */
  imageIds: string[];
  /** Unique among mounted viewports. */
  viewportId: string;
  /** Caption for the top-left corner when the image carries no laterality/view (e.g. "R MG"). */
  label?: string;
  /**
   * Corner texts. Blanks are filled from the image's metadata (laterality, view, age at the study,
   * study date, lossy); `role` (CURRENT/PRIOR) only the caller knows.
   */
  overlay?: ViewportOverlayInfo;
  /** How the hanging protocol hangs this image (flips, rotation, scale, window); reset returns to it. */
  defaults?: ViewportDefaults;
  /** Reading tools, shortcuts, magnifier and links (default true); false for a bare image. */
  reading?: boolean;
  /**
   * Layers drawn over the image and under the corner texts (e.g. AI heatmaps). They find the
   * viewport by `viewportId` and follow its camera themselves; they must not take pointer events.
   */
  children?: ReactNode;
}

const rootStyle: CSSProperties = {
  position: 'relative',
  width: '100%',
  height: '100%',
  minHeight: 0,
  overflow: 'hidden',
  background: '#000',
};
const activeRootStyle: CSSProperties = { ...rootStyle, boxShadow: 'inset 0 0 0 1px #4fa3ff' };
// cornerstone owns this element's children (it inserts its canvas and SVG layer), so React
// never renders into it.
const canvasHostStyle: CSSProperties = { position: 'absolute', inset: 0 };
const messageStyle: CSSProperties = {
  position: 'absolute',
  inset: 0,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 16,
  textAlign: 'center',
  font: '14px system-ui, sans-serif',
  pointerEvents: 'none',
};
const errorStyle: CSSProperties = { ...messageStyle, color: '#ff8a80', background: 'rgba(0,0,0,0.85)' };
const loadingStyle: CSSProperties = { ...messageStyle, color: '#999' };

/**
 * One cornerstone StackViewport for reading. The root element carries `data-render-state`
 * (`loading` | `rendered` | `error`) and, after every frame, what is on screen (see
 * useViewportReadout); a decode failure is shown in place of the image. As a reading viewport
 * it joins the reading tool group, answers the reading shortcuts while the mouse is over it (or
 * it is the active one), and draws the overlay corners.
 */
export function ImageViewport({ imageIds, viewportId, label, overlay, defaults, reading = true, children }: ImageViewportProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const defaultsKey = JSON.stringify(defaults ?? {});
  useEffect(() => {
    setViewportDefaults(viewportId, JSON.parse(defaultsKey) as ViewportDefaults);
    return () => clearViewportDefaults(viewportId);
  }, [viewportId, defaultsKey]);
  const state = useStackViewport(hostRef, viewportId, imageIds, { reading });
  useViewportResize(hostRef);
  useReadingShortcuts(reading);
  const readout = useViewportReadout(rootRef, hostRef, viewportId);
  const info = useOverlayInfo(viewportId, imageIds[0], state.status === 'rendered', overlay);
  const active = useReadingState().activeViewportId === viewportId;

  return (
    <div
      ref={rootRef}
      className="image-viewport"
      style={reading && active ? activeRootStyle : rootStyle}
      data-viewport-id={viewportId}
      data-render-state={state.status}
      data-active={reading && active ? 'true' : undefined}
      onContextMenu={(event) => event.preventDefault()}
      onPointerDown={reading ? () => updateReadingState({ activeViewportId: viewportId }) : undefined}
      onPointerMove={reading ? (event) => hostRef.current && notePointer(viewportId, hostRef.current, event.clientX, event.clientY) : undefined}
      onPointerLeave={reading ? () => notePointerLeft(viewportId) : undefined}
    >
      <div ref={hostRef} className="image-viewport__canvas" style={canvasHostStyle} />
      {children}
      {state.status === 'loading' ? (
        <div className="image-viewport__loading" style={loadingStyle}>Loading…</div>
      ) : null}
      {state.status === 'error' ? (
        <div className="image-viewport__error" role="alert" style={errorStyle}>
          This image could not be decoded: {state.reason}
        </div>
      ) : null}
      <ViewportOverlay info={info} fallbackLabel={label} scaleLabel={readout.scaleLabel} calibrated={readout.calibrated} />
    </div>
  );
}
