import type { Locator } from '@playwright/test';
import { PNG } from 'pngjs';

/** A greyscale image: luminance 0..255 per pixel, row by row. */
export interface Grey {
  width: number;
  height: number;
  data: Float32Array;
}

/** Decode a PNG screenshot to luminance (Rec. 709 weights). */
export function greyFromPng(png: Buffer): Grey {
  const { data, width, height } = PNG.sync.read(png);
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = 0.2126 * data[i * 4]! + 0.7152 * data[i * 4 + 1]! + 0.0722 * data[i * 4 + 2]!;
  return { width, height, data: grey };
}

/** The pixels of `rect` (rounded to whole pixels, clamped to the image). */
export function crop(image: Grey, rect: { x: number; y: number; width: number; height: number }): Grey {
  const x0 = Math.max(0, Math.round(rect.x));
  const y0 = Math.max(0, Math.round(rect.y));
  const width = Math.min(image.width - x0, Math.round(rect.width));
  const height = Math.min(image.height - y0, Math.round(rect.height));
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) data.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width), y * width);
  return { width, height, data };
}

/** Bilinear resampling: what enlarging a screenshot of the canvas would show. */
export function resizeBilinear(image: Grey, width: number, height: number): Grey {
  const data = new Float32Array(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  const at = (x: number, y: number) => image.data[Math.min(image.height - 1, y) * image.width + Math.min(image.width - 1, x)]!;
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      const top = at(x0, y0) * (1 - tx) + at(x0 + 1, y0) * tx;
      const bottom = at(x0, y0 + 1) * (1 - tx) + at(x0 + 1, y0 + 1) * tx;
      data[y * width + x] = top * (1 - ty) + bottom * ty;
    }
  }
  return { width, height, data };
}

/** Area-average reduction: what the loupe's pixels look like at the canvas's coarser scale. */
export function shrinkByArea(image: Grey, width: number, height: number): Grey {
  const data = new Float32Array(width * height);
  const counts = new Float32Array(width * height);
  for (let y = 0; y < image.height; y++) {
    const ty = Math.min(height - 1, Math.floor((y * height) / image.height));
    for (let x = 0; x < image.width; x++) {
      const t = ty * width + Math.min(width - 1, Math.floor((x * width) / image.width));
      data[t]! += image.data[y * image.width + x]!;
      counts[t]! += 1;
    }
  }
  for (let i = 0; i < data.length; i++) data[i]! /= counts[i] || 1;
  return { width, height, data };
}

/** Box blur of (2r+1)² pixels: keeps structure, drops pixel noise and sampling aliasing. */
export function boxBlur(image: Grey, radius: number): Grey {
  const { width, height } = image;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let n = 0;
      for (let yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++) {
        for (let xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
          sum += image.data[yy * width + xx]!;
          n++;
        }
      }
      data[y * width + x] = sum / n;
    }
  }
  return { width, height, data };
}

/** Mean absolute 4-neighbour Laplacian: the image's high-frequency energy per pixel. */
export function meanAbsLaplacian(image: Grey): number {
  const { width, height, data } = image;
  let sum = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      sum += Math.abs(4 * data[i]! - data[i - 1]! - data[i + 1]! - data[i - width]! - data[i + width]!);
      n++;
    }
  }
  return n ? sum / n : 0;
}

export function mean(image: Grey): number {
  let sum = 0;
  for (const v of image.data) sum += v;
  return sum / image.data.length;
}

/** Normalised 32-bin luminance histogram. */
export function histogram(image: Grey, bins = 32): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of image.data) counts[Math.min(bins - 1, Math.floor((v / 256) * bins))]! += 1;
  return counts.map((c) => c / image.data.length);
}

/** Half the L1 distance of two normalised histograms: 0 same, 1 disjoint. */
export function histogramDistance(a: number[], b: number[]): number {
  return a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0) / 2;
}

/** Pearson correlation of two same-sized images, pixel by pixel. */
export function correlation(a: Grey, b: Grey): number {
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.data.length; i++) {
    const da = a.data[i]! - ma;
    const db = b.data[i]! - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return cov / Math.sqrt(va * vb || 1);
}

/** The image area of a viewport screenshot: columns and rows that are not background black. */
export function imageExtent(png: Buffer): { x0: number; x1: number; y0: number; y1: number } {
  const grey = greyFromPng(png);
  let x0 = grey.width;
  let x1 = -1;
  let y0 = grey.height;
  let y1 = -1;
  for (let y = 0; y < grey.height; y++) {
    for (let x = 0; x < grey.width; x++) {
      if (grey.data[y * grey.width + x]! <= 4) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return { x0, x1, y0, y1 };
}


/** Where `viewportShot`'s band starts below the viewport's top edge. */
export const VIEWPORT_SHOT_TOP = 56;

/** Screenshot of the viewport's middle band, clear of the corner texts and badges. */
export async function viewportShot(viewport: Locator): Promise<Buffer> {
  const b = (await viewport.boundingBox())!;
  return viewport.page().screenshot({ clip: { x: b.x, y: b.y + VIEWPORT_SHOT_TOP, width: b.width, height: b.height - 2 * VIEWPORT_SHOT_TOP } });
}
