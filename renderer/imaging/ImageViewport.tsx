import { useRef, type CSSProperties } from 'react';
import { useStackViewport } from './useStackViewport';
import { useViewportResize } from './useViewportResize';

export interface ImageViewportProps {
  /** cornerstone imageIds of the stack (e.g. from registerPart10); the first one is shown. */
  imageIds: string[];
  /** Unique among mounted viewports. */
  viewportId: string;
  /** Optional caption drawn over the top-left corner (e.g. "R CC"). */
  label?: string;
}

const rootStyle: CSSProperties = {
  position: 'relative',
  width: '100%',
  height: '100%',
  minHeight: 0,
  overflow: 'hidden',
  background: '#000',
};
// cornerstone owns this element's children (it inserts its canvas and SVG layer), so React
// never renders into it.
const canvasHostStyle: CSSProperties = { position: 'absolute', inset: 0 };
const labelStyle: CSSProperties = {
  position: 'absolute',
  top: 6,
  left: 8,
  color: '#ddd',
  font: '13px system-ui, sans-serif',
  textShadow: '0 0 3px #000',
  pointerEvents: 'none',
};
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
 * One cornerstone StackViewport. The root element carries `data-render-state`
 * (`loading` | `rendered` | `error`) for tests; a decode failure is shown in place of the image.
 */
export function ImageViewport({ imageIds, viewportId, label }: ImageViewportProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const state = useStackViewport(hostRef, viewportId, imageIds);
  useViewportResize(hostRef);

  return (
    <div
      className="image-viewport"
      style={rootStyle}
      data-viewport-id={viewportId}
      data-render-state={state.status}
      onContextMenu={(event) => event.preventDefault()}
    >
      <div ref={hostRef} className="image-viewport__canvas" style={canvasHostStyle} />
      {state.status === 'loading' ? (
        <div className="image-viewport__loading" style={loadingStyle}>Loading…</div>
      ) : null}
      {state.status === 'error' ? (
        <div className="image-viewport__error" role="alert" style={errorStyle}>
          This image could not be decoded: {state.reason}
        </div>
      ) : null}
      {label ? <div className="image-viewport__label" style={labelStyle}>{label}</div> : null}
    </div>
  );
}
