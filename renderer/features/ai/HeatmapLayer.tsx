import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { Enums } from '@cornerstonejs/core';
import type { ViewResult } from '../../../shared/domain/ai-result';
import { useReadingState } from '../../imaging/readingState';
import { readingViewport } from '../../imaging/view/readingViewport';
import { useAiOverlayStyle } from './aiOverlayStyle';
import { useShownViewResult } from './aiResultStore';
import { decodeHeatmap, paintHeatmap } from './heatmapPixels';
import { cssMatrix } from './imageToCanvas';
import { imageGridToCanvas, imagePixelsToCanvas } from './viewportImageFrame';

interface Props {
  viewportId: string;
  /** The image the viewport shows; its view result (if the shown AI result has one) is drawn. */
  sopInstanceUid: string;
}

const layerStyle: CSSProperties = { position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none', zIndex: 2 };
const canvasStyle: CSSProperties = { position: 'absolute', left: 0, top: 0, transformOrigin: '0 0', imageRendering: 'auto' };
const svgStyle: CSSProperties = { position: 'absolute', inset: 0, width: '100%', height: '100%', overflow: 'visible' };

/**
 * One view's AI heatmap (and the outlines of its marks) over a reading viewport, in the image's
 * pixel frame: after every frame the viewport draws, the layer re-reads where the image lies on
 * the canvas (zoom, pan, flips, rotation) and moves with it. Shown while the overlay is on (H).
 */
export function HeatmapLayer({ viewportId, sopInstanceUid }: Props) {
  const view = useShownViewResult(sopInstanceUid);
  const { aiOverlayVisible } = useReadingState();
  if (!view || !aiOverlayVisible || (!view.heatmap && view.marks.length === 0)) return null;
  return <VisibleLayer viewportId={viewportId} view={view} />;
}

function VisibleLayer({ viewportId, view }: { viewportId: string; view: ViewResult }) {
  const style = useAiOverlayStyle();
  const layerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const marksRef = useRef<SVGGElement>(null);
  const { heatmap } = view;
  const values = useMemo(() => (heatmap ? decodeHeatmap(heatmap) : undefined), [heatmap]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !heatmap || !values) return;
    canvas.width = heatmap.width;
    canvas.height = heatmap.height;
    context.putImageData(new ImageData(paintHeatmap(values, style), heatmap.width, heatmap.height), 0, 0);
  }, [heatmap, values, style]);

  useEffect(() => {
    const host = layerRef.current?.parentElement?.querySelector<HTMLElement>('.image-viewport__canvas');
    if (!host) return;
    const place = (): void => {
      const viewport = readingViewport(viewportId);
      if (!viewport) return;
      const canvas = canvasRef.current;
      const grid = heatmap ? imageGridToCanvas(viewport, heatmap.width, heatmap.height) : undefined;
      if (canvas && grid) canvas.style.transform = cssMatrix(grid);
      const pixels = imagePixelsToCanvas(viewport);
      if (marksRef.current && pixels) marksRef.current.setAttribute('transform', cssMatrix(pixels));
      layerRef.current?.setAttribute('data-placed', 'true');
    };
    const onRendered = (event: Event): void => {
      if ((event as CustomEvent<{ viewportId?: string }>).detail?.viewportId === viewportId) place();
    };
    place();
    host.addEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
    return () => host.removeEventListener(Enums.Events.IMAGE_RENDERED, onRendered);
    // Re-placed when the outline group appears (contours switched on), not only on new frames.
  }, [viewportId, heatmap, style.contours]);

  return (
    <div ref={layerRef} className="ai-heatmap-layer" data-testid="ai-heatmap" data-sop={view.sopInstanceUid} data-label={heatmap?.label} style={layerStyle}>
      {heatmap ? <canvas ref={canvasRef} style={{ ...canvasStyle, width: heatmap.width, height: heatmap.height }} /> : null}
      {style.contours && view.marks.length > 0 ? (
        <svg style={svgStyle} data-testid="ai-marks">
          <g ref={marksRef}>
            {view.marks.map((mark, i) => (
              <polygon
                key={i}
                points={mark.polygon.join(' ')}
                fill="none"
                stroke="#ffd54f"
                strokeWidth={1.5}
                vectorEffect="non-scaling-stroke"
                data-label={mark.label}
              >
                <title>{`${mark.label} ${mark.score.toFixed(2)}`}</title>
              </polygon>
            ))}
          </g>
        </svg>
      ) : null}
    </div>
  );
}
