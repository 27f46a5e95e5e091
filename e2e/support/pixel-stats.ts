import { PNG } from 'pngjs';

export interface PixelStats {
  mean: number;
  std: number;
  /** Share of pixels at full white. */
  saturated: number;
  /** Share of pixels at full black. */
  black: number;
  /** Share of the luminance range 0..255 in use between the 1st and 99th percentiles. */
  spread: number;
}

/** Luminance statistics of a PNG, as a reader would judge "blank", "washed out" or "an image". */
export function pixelStats(png: Buffer): PixelStats {
  const { data, width, height } = PNG.sync.read(png);
  const histogram = new Array<number>(256).fill(0);
  let sum = 0;
  let sumSq = 0;
  const n = width * height;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const y = Math.round(0.2126 * data[o]! + 0.7152 * data[o + 1]! + 0.0722 * data[o + 2]!);
    histogram[y]! += 1;
    sum += y;
    sumSq += y * y;
  }
  const mean = sum / n;
  const percentile = (p: number) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += histogram[v]!;
      if (acc >= p * n) return v;
    }
    return 255;
  };
  return {
    mean,
    std: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
    saturated: histogram[255]! / n,
    black: histogram[0]! / n,
    spread: (percentile(0.99) - percentile(0.01)) / 255,
  };
}
