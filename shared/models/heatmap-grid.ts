import type { Heatmap } from '../domain/ai-result';
import { type FrameGeometry, sourceToFrame } from './pipeline/working-image';

/** A map over a model-input frame (w×h, any values; e.g. an output channel or occlusion drops). */
export interface FrameMap {
  width: number;
  height: number;
  values: Float32Array | Float64Array;
}

const MAX_CELLS = 96;

/** base64 without Node's Buffer or the DOM's btoa (this runs in both). */
export function toBase64(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    out += alphabet[a >> 2]! + alphabet[((a & 3) << 4) | (b >> 4)]!;
    out += i + 1 < bytes.length ? alphabet[((b & 15) << 2) | (c >> 6)]! : '=';
    out += i + 2 < bytes.length ? alphabet[c & 63]! : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 255;
    }
  }
  return out;
}

/**
 * Resamples a model-frame map into the source image's pixel frame (undoing mirror, crop and
 * resize), scaled to 0–1 by its maximum (or taken as 0–1 already with `absolute`; negative values
 * count as 0), quantised to bytes. The grid keeps the source aspect ratio with at most 96 cells on
 * the long side.
 */
export function heatmapInSourceFrame(
  map: FrameMap,
  geometry: FrameGeometry,
  source: 'output' | 'cam' | 'occlusion',
  label: string,
  scaling: 'max' | 'absolute' = 'max',
): Heatmap {
  const { sourceWidth, sourceHeight } = geometry;
  const scale = Math.min(1, MAX_CELLS / Math.max(sourceWidth, sourceHeight));
  const width = Math.max(1, Math.round(sourceWidth * scale));
  const height = Math.max(1, Math.round(sourceHeight * scale));
  let max = 0;
  for (let i = 0; i < map.values.length; i++) max = Math.max(max, map.values[i]!);
  if (scaling === 'absolute') max = 1;
  const bytes = new Uint8Array(width * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const column = ((i + 0.5) * sourceWidth) / width - 0.5;
      const row = ((j + 0.5) * sourceHeight) / height - 0.5;
      const [u, v] = sourceToFrame(geometry, map.width, map.height, column, row);
      const value = sample(map, u, v);
      bytes[j * width + i] = max > 0 ? Math.round(Math.min(1, Math.max(0, value) / max) * 255) : 0;
    }
  }
  return { width, height, data: toBase64(bytes), source, label };
}

/** Bilinear sample at continuous (u, v); outside the frame is 0 (not looked at). */
function sample(map: FrameMap, u: number, v: number): number {
  if (u < -0.5 || v < -0.5 || u > map.width - 0.5 || v > map.height - 0.5) return 0;
  const x = Math.min(map.width - 1, Math.max(0, u));
  const y = Math.min(map.height - 1, Math.max(0, v));
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(map.width - 1, x0 + 1);
  const y1 = Math.min(map.height - 1, y0 + 1);
  const tx = x - x0;
  const ty = y - y0;
  const at = (xx: number, yy: number) => map.values[yy * map.width + xx]!;
  return (at(x0, y0) * (1 - tx) + at(x1, y0) * tx) * (1 - ty) + (at(x0, y1) * (1 - tx) + at(x1, y1) * tx) * ty;
}
