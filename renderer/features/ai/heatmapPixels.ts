import type { Heatmap } from '../../../shared/domain/ai-result';
import { colormapTable, type ColormapId } from './colormaps';

/** How a heatmap is painted: colour map, overall opacity 0–1, and the activation below which nothing shows. */
export interface HeatmapStyle {
  colormap: ColormapId;
  opacity: number;
  threshold: number;
}

/** The activation bytes of a heatmap (value/255 = 0–1), checked against its declared size. */
export function decodeHeatmap(heatmap: Heatmap): Uint8Array {
  const binary = atob(heatmap.data);
  const expected = heatmap.width * heatmap.height;
  if (binary.length !== expected) {
    throw new Error(`Heatmap "${heatmap.label}" holds ${binary.length} values for a ${heatmap.width}×${heatmap.height} grid.`);
  }
  const bytes = new Uint8Array(expected);
  for (let i = 0; i < expected; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * RGBA pixels of the heatmap grid: each cell coloured by the map, transparent below the
 * threshold, and more opaque the stronger it is (so weak activation never hides the image).
 */
export function paintHeatmap(values: Uint8Array, style: HeatmapStyle): Uint8ClampedArray<ArrayBuffer> {
  const table = colormapTable(style.colormap);
  const rgba = new Uint8ClampedArray(values.length * 4);
  const cut = Math.round(Math.min(1, Math.max(0, style.threshold)) * 255);
  const opacity = Math.min(1, Math.max(0, style.opacity));
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < cut || v === 0) continue;
    rgba[i * 4] = table[v * 3]!;
    rgba[i * 4 + 1] = table[v * 3 + 1]!;
    rgba[i * 4 + 2] = table[v * 3 + 2]!;
    // Alpha rises from 35 % of the opacity at the threshold to the full opacity at the maximum.
    const strength = cut >= 255 ? 1 : (v - cut) / (255 - cut);
    rgba[i * 4 + 3] = Math.round(255 * opacity * (0.35 + 0.65 * strength));
  }
  return rgba;
}
