import type { WorkingImage } from './working-image';

/**
 * Which side the chest wall is on: the side whose outer third holds more signal (tissue fills
 * the chest-wall edge, air the opposite edge). Works on 0–1 images after VOI.
 */
export function chestWallSide(image: WorkingImage): 'left' | 'right' {
  const { width, height, data } = image;
  const band = Math.max(1, Math.floor(width / 3));
  let left = 0;
  let right = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < band; x++) left += data[row + x]!;
    for (let x = width - band; x < width; x++) right += data[row + x]!;
  }
  return left >= right ? 'left' : 'right';
}

/** Mirrors the image left-right in place and records it in the geometry. */
export function flipHorizontal(image: WorkingImage): void {
  const { width, height, data } = image;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let a = row, b = row + width - 1; a < b; a++, b--) {
      const t = data[a]!;
      data[a] = data[b]!;
      data[b] = t;
    }
  }
  image.geometry = { ...image.geometry, flipX: !image.geometry.flipX };
}

export function orientBreast(image: WorkingImage, chestWall: 'left' | 'right'): void {
  if (chestWallSide(image) !== chestWall) flipHorizontal(image);
}

/** Crops to the bounding box of values above `threshold`, widened by `margin`; keeps all if none. */
export function cropToForeground(image: WorkingImage, threshold: number, margin: number): WorkingImage {
  const { width, height, data } = image;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x]! > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return image;
  x0 = Math.max(0, x0 - margin);
  y0 = Math.max(0, y0 - margin);
  x1 = Math.min(width - 1, x1 + margin);
  y1 = Math.min(height - 1, y1 + margin);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) out.set(data.subarray((y + y0) * width + x0, (y + y0) * width + x0 + w), y * w);
  const g = image.geometry;
  const sx = g.crop.width / width;
  const sy = g.crop.height / height;
  return {
    width: w,
    height: h,
    data: out,
    geometry: { ...g, crop: { x: g.crop.x + x0 * sx, y: g.crop.y + y0 * sy, width: w * sx, height: h * sy } },
  };
}

/**
 * Resizes to width×height: each output pixel averages the source area it covers (box filter)
 * when shrinking, and interpolates bilinearly when enlarging.
 */
export function resize(image: WorkingImage, width: number, height: number): WorkingImage {
  const out = new Float64Array(width * height);
  const fx = image.width / width;
  const fy = image.height / height;
  if (fx > 1 || fy > 1) areaResize(image, out, width, height, fx, fy);
  else bilinearResize(image, out, width, height, fx, fy);
  return { width, height, data: out, geometry: image.geometry };
}

function areaResize(image: WorkingImage, out: Float64Array, width: number, height: number, fx: number, fy: number): void {
  const { width: sw, height: sh, data } = image;
  for (let oy = 0; oy < height; oy++) {
    const ya = oy * fy;
    const yb = Math.min(sh, ya + Math.max(fy, 1));
    for (let ox = 0; ox < width; ox++) {
      const xa = ox * fx;
      const xb = Math.min(sw, xa + Math.max(fx, 1));
      let sum = 0;
      let weight = 0;
      for (let y = Math.floor(ya); y < Math.ceil(yb); y++) {
        const wy = Math.min(yb, y + 1) - Math.max(ya, y);
        const row = y * sw;
        for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
          const w = wy * (Math.min(xb, x + 1) - Math.max(xa, x));
          sum += data[row + x]! * w;
          weight += w;
        }
      }
      out[oy * width + ox] = weight > 0 ? sum / weight : 0;
    }
  }
}

function bilinearResize(image: WorkingImage, out: Float64Array, width: number, height: number, fx: number, fy: number): void {
  const { width: sw, height: sh, data } = image;
  for (let oy = 0; oy < height; oy++) {
    const sy = Math.min(sh - 1, Math.max(0, (oy + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const ty = sy - y0;
    for (let ox = 0; ox < width; ox++) {
      const sx = Math.min(sw - 1, Math.max(0, (ox + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const tx = sx - x0;
      const top = data[y0 * sw + x0]! * (1 - tx) + data[y0 * sw + x1]! * tx;
      const bottom = data[y1 * sw + x0]! * (1 - tx) + data[y1 * sw + x1]! * tx;
      out[oy * width + ox] = top * (1 - ty) + bottom * ty;
    }
  }
}
