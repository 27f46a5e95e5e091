import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ImagePoint } from '../../../shared/report/mammo-report';
import { canvasPointOf, onViewportRendered } from './imagePlacement';

export interface PlacedMark {
  id: string;
  label: string;
  point: ImagePoint;
}

/** Draws each placed finding on every viewport showing its image, following pan, zoom and flips. */
export function PlacedMarks({ marks }: { marks: PlacedMark[] }) {
  const [, redraw] = useState(0);
  const [hosts, setHosts] = useState<HTMLElement[]>([]);
  useEffect(() => {
    const scan = () => setHosts(Array.from(document.querySelectorAll<HTMLElement>('[data-sop-instance-uid]')));
    scan();
    const observer = new MutationObserver(scan);
    const grid = document.querySelector('.viewer-page') ?? document.body;
    observer.observe(grid, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const offs = hosts.flatMap((host) => {
      const viewportId = host.querySelector<HTMLElement>('[data-viewport-id]')?.dataset.viewportId;
      return viewportId ? [onViewportRendered(viewportId, () => redraw((n) => n + 1))] : [];
    });
    return () => offs.forEach((off) => off());
  }, [hosts]);
  return (
    <>
      {hosts.map((host) => {
        const viewportId = host.querySelector<HTMLElement>('[data-viewport-id]')?.dataset.viewportId;
        const here = marks.filter((m) => m.point.sopInstanceUID === host.dataset.sopInstanceUid);
        if (!viewportId || here.length === 0) return null;
        return createPortal(
          here.map((m) => {
            const at = canvasPointOf(viewportId, m.point.column, m.point.row);
            return at ? (
              <div key={m.id} className="report-mark" data-testid="placed-mark" style={{ left: at.x, top: at.y }} title={m.label}>
                <span>{m.label}</span>
              </div>
            ) : null;
          }),
          host,
          `marks-${viewportId}`,
        );
      })}
    </>
  );
}
