import type { AiMark, Heatmap } from '../domain/ai-result';
import { fromBase64 } from './heatmap-grid';

/**
 * A rectangle, in source pixels, around the heatmap cells at or above `level` (0–1): the region
 * the model weighed most, drawn as a contour when the view is positive at the operating point.
 */
export function markFromHeatmap(heatmap: Heatmap, columns: number, rows: number, score: number, level: number): AiMark | undefined {
  const cutoff = Math.max(1, Math.round(level * 255));
  const cells = fromBase64(heatmap.data);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let j = 0; j < heatmap.height; j++) {
    for (let i = 0; i < heatmap.width; i++) {
      if ((cells[j * heatmap.width + i] ?? 0) >= cutoff) {
        x0 = Math.min(x0, i);
        y0 = Math.min(y0, j);
        x1 = Math.max(x1, i);
        y1 = Math.max(y1, j);
      }
    }
  }
  if (x1 < 0) return undefined;
  const sx = columns / heatmap.width;
  const sy = rows / heatmap.height;
  const [l, t, r, b] = [x0 * sx, y0 * sy, (x1 + 1) * sx, (y1 + 1) * sy];
  return { label: heatmap.label, score, polygon: [l, t, r, t, r, b, l, b] };
}
