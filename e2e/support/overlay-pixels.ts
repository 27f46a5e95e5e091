import { PNG } from 'pngjs';

/** Where the coloured pixels of a screenshot are: a heatmap over a greyscale image. */
export interface ColourFootprint {
  /** Share of the screenshot's pixels that are coloured. */
  share: number;
  count: number;
  centroid: { x: number; y: number };
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

/** Chroma (max − min of R, G, B) above which a pixel is colour, not grey. */
const CHROMA = 40;

/**
 * The coloured pixels of a PNG screenshot. A radiograph is grey (chroma ~0), so colour can only
 * come from the AI overlay (and the coloured corner badges, which callers crop away).
 */
export function colourFootprint(png: Buffer): ColourFootprint {
  const { data, width, height } = PNG.sync.read(png);
  let count = 0;
  let sx = 0;
  let sy = 0;
  const bbox = { x0: width, y0: height, x1: -1, y1: -1 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const r = data[o]!;
      const g = data[o + 1]!;
      const b = data[o + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) <= CHROMA) continue;
      count++;
      sx += x;
      sy += y;
      bbox.x0 = Math.min(bbox.x0, x);
      bbox.y0 = Math.min(bbox.y0, y);
      bbox.x1 = Math.max(bbox.x1, x);
      bbox.y1 = Math.max(bbox.y1, y);
    }
  }
  return { share: count / (width * height), count, centroid: { x: count ? sx / count : NaN, y: count ? sy / count : NaN }, bbox };
}

/** Mean luminance of the screenshot's pixels under `mask` (true = take it), e.g. tissue under colour. */
export function luminanceWhere(png: Buffer, mask: (x: number, y: number) => boolean): number[] {
  const { data, width, height } = PNG.sync.read(png);
  const values: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask(x, y)) continue;
      const o = (y * width + x) * 4;
      values.push(0.2126 * data[o]! + 0.7152 * data[o + 1]! + 0.0722 * data[o + 2]!);
    }
  }
  return values;
}

/** A boolean mask of the coloured pixels, for comparing two screenshots of the same viewport. */
export function colourMask(png: Buffer): { width: number; height: number; at(x: number, y: number): boolean } {
  const { data, width, height } = PNG.sync.read(png);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) {
    const r = data[i * 4]!;
    const g = data[i * 4 + 1]!;
    const b = data[i * 4 + 2]!;
    mask[i] = Math.max(r, g, b) - Math.min(r, g, b) > CHROMA ? 1 : 0;
  }
  return { width, height, at: (x, y) => x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x] === 1 };
}
