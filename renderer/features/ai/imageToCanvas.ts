/** A 2-D affine map x' = a·x + c·y + e, y' = b·x + d·y + f (CSS `matrix(a, b, c, d, e, f)`). */
export interface Affine2D {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

type Point = readonly [number, number];

/**
 * The affine map from a `width`×`height` grid laid over an image of `columns`×`rows` pixels to
 * canvas coordinates, given where three corners of the image's pixel area land on the canvas:
 * `origin` (top-left corner of the first pixel), `alongRow` (top-right corner of the last
 * column) and `alongColumn` (bottom-left corner of the last row). Zoom, pan, flips and rotation
 * all show up in those three points, so the grid follows the viewport's camera exactly.
 */
export function gridToCanvas(width: number, height: number, origin: Point, alongRow: Point, alongColumn: Point): Affine2D {
  return {
    a: (alongRow[0] - origin[0]) / width,
    b: (alongRow[1] - origin[1]) / width,
    c: (alongColumn[0] - origin[0]) / height,
    d: (alongColumn[1] - origin[1]) / height,
    e: origin[0],
    f: origin[1],
  };
}

/** Applies `m` to a point. */
export function applyAffine(m: Affine2D, [x, y]: Point): [number, number] {
  return [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
}

/** The CSS transform for `m` (with `transform-origin: 0 0`). */
export function cssMatrix(m: Affine2D): string {
  return `matrix(${m.a}, ${m.b}, ${m.c}, ${m.d}, ${m.e}, ${m.f})`;
}
