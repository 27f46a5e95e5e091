/**
 * The image as it moves through the pipeline: float64 values plus the geometry that maps a point
 * of the current frame back to the source image (for heatmaps and marks).
 */
export interface WorkingImage {
  width: number;
  height: number;
  data: Float64Array;
  geometry: FrameGeometry;
}

/**
 * Current frame ← source frame: the source was optionally mirrored (`flipX`), cropped to
 * `crop` (in source pixels, after the mirror), then scaled to width×height.
 */
export interface FrameGeometry {
  sourceWidth: number;
  sourceHeight: number;
  flipX: boolean;
  crop: { x: number; y: number; width: number; height: number };
}

export function identityGeometry(width: number, height: number): FrameGeometry {
  return { sourceWidth: width, sourceHeight: height, flipX: false, crop: { x: 0, y: 0, width, height } };
}

/** Maps a source pixel centre (column, row) to continuous coordinates of a width×height frame. */
export function sourceToFrame(g: FrameGeometry, width: number, height: number, column: number, row: number): [number, number] {
  const x = g.flipX ? g.sourceWidth - 1 - column : column;
  return [((x - g.crop.x + 0.5) * width) / g.crop.width - 0.5, ((row - g.crop.y + 0.5) * height) / g.crop.height - 0.5];
}

/** Maps continuous frame coordinates back to source pixel coordinates (column, row). */
export function frameToSource(g: FrameGeometry, width: number, height: number, u: number, v: number): [number, number] {
  const x = ((u + 0.5) * g.crop.width) / width - 0.5 + g.crop.x;
  const row = ((v + 0.5) * g.crop.height) / height - 0.5 + g.crop.y;
  return [g.flipX ? g.sourceWidth - 1 - x : x, row];
}
