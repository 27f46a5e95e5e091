import type { CSSProperties } from 'react';
import type { ViewportOverlayInfo } from './overlayInfo';

interface Props {
  info: ViewportOverlayInfo;
  /** Caption used when the image says nothing about laterality and view. */
  fallbackLabel?: string;
  /** Display scale readout, e.g. "Fit", "1:1", "True size", "42 %". */
  scaleLabel?: string;
  /** False when measurements are in pixels. */
  calibrated?: boolean;
}

const corner: CSSProperties = {
  position: 'absolute',
  display: 'flex',
  flexDirection: 'column',
  gap: 2,
  color: '#e6e6e6',
  font: '13px/1.25 system-ui, sans-serif',
  textShadow: '0 0 3px #000, 0 0 2px #000',
  pointerEvents: 'none',
  zIndex: 4,
};
const topLeft: CSSProperties = { ...corner, top: 6, left: 8 };
const topRight: CSSProperties = { ...corner, top: 6, right: 8, alignItems: 'flex-end' };
const bottomLeft: CSSProperties = { ...corner, bottom: 6, left: 8, flexDirection: 'row', gap: 4 };
const bottomRight: CSSProperties = { ...corner, bottom: 6, right: 8, alignItems: 'flex-end' };
const viewStyle: CSSProperties = { fontSize: 18, fontWeight: 600, letterSpacing: '0.04em' };
const badge: CSSProperties = { padding: '0 5px', borderRadius: 3, fontSize: 11, fontWeight: 700, letterSpacing: '0.06em', textShadow: 'none' };
const roleStyle = (role: 'current' | 'prior'): CSSProperties => ({ ...badge, alignSelf: 'flex-start', color: '#000', background: role === 'current' ? '#7bd88f' : '#f2c14e' });
const warningStyle: CSSProperties = { ...badge, color: '#fff', background: '#c62828' };

const formatDa = (da: string): string => `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}`;

/**
 * The four corners of a reading viewport: laterality and view with CURRENT/PRIOR (top left),
 * study date and age (top right), LOSSY/REDUCED warnings (bottom left), scale (bottom right);
 * or all of it on one side (`info.textSide`). Drawn in HTML over the canvas.
 */
export function ViewportOverlay({ info, fallbackLabel, scaleLabel, calibrated }: Props) {
  const view = [info.laterality, info.view].filter(Boolean).join(' ') || fallbackLabel;
  const identity = (
    <>
      {view ? <span className="image-viewport__label" data-testid="overlay-view" style={viewStyle}>{view}</span> : null}
      {info.role ? <span data-testid="overlay-role" style={roleStyle(info.role)}>{info.role === 'current' ? 'CURRENT' : 'PRIOR'}</span> : null}
      {info.note ? <span data-testid="overlay-note" style={{ fontSize: 11 }}>{info.note}</span> : null}
    </>
  );
  const study = (
    <>
      {info.studyDate ? <span data-testid="overlay-study-date">{formatDa(info.studyDate)}</span> : null}
      {info.patientAge ? <span data-testid="overlay-age">Age {info.patientAge}</span> : null}
    </>
  );
  const warnings = (
    <>
      {info.lossy ? <span data-testid="overlay-lossy" style={warningStyle} title="Lossy Image Compression (0028,2110) = 01: fine detail may be lost">LOSSY</span> : null}
      {info.reduced ? <span data-testid="overlay-reduced" style={warningStyle} title="The pixels shown are fewer than the image has">REDUCED</span> : null}
    </>
  );
  const scale = (
    <>
      {scaleLabel ? <span data-testid="overlay-scale">{scaleLabel}</span> : null}
      {calibrated === false ? <span data-testid="overlay-uncalibrated">px (uncalibrated)</span> : null}
    </>
  );
  const warn = info.lossy || info.reduced ? 'alert' : undefined;
  if (info.textSide) {
    const top = info.textSide === 'left' ? topLeft : { ...topRight, alignItems: 'flex-end' };
    const bottom = info.textSide === 'left' ? { ...bottomLeft, flexDirection: 'column' as const, alignItems: 'flex-start' } : bottomRight;
    return (
      <div className="image-viewport__overlay" data-testid="viewport-overlay">
        <div style={top}>
          {identity}
          {study}
        </div>
        <div style={bottom} role={warn}>
          {warnings}
          {scale}
        </div>
      </div>
    );
  }
  return (
    <div className="image-viewport__overlay" data-testid="viewport-overlay">
      <div style={topLeft}>{identity}</div>
      <div style={topRight}>{study}</div>
      <div style={bottomLeft} role={warn}>{warnings}</div>
      <div style={bottomRight}>{scale}</div>
    </div>
  );
}
