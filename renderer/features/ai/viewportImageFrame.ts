import type { Types } from '@cornerstonejs/core';
import { gridToCanvas, type Affine2D } from './imageToCanvas';

/**
 * Where an image's pixel area lies on a viewport's canvas right now, as the affine map from a
 * `gridWidth`×`gridHeight` grid covering the whole image (a heatmap, or the image's own pixels
 * with grid = columns×rows) to canvas CSS pixels. Built from the viewport's image geometry and
 * its camera (worldToCanvas), so it follows zoom, pan, flips and rotation. Undefined while the
 * viewport shows no image.
 */
export function imageGridToCanvas(viewport: Types.IStackViewport, gridWidth: number, gridHeight: number): Affine2D | undefined {
  const image = viewport.getCornerstoneImage();
  const data = viewport.getImageData();
  if (!image || !data) return undefined;
  const { origin, direction, spacing } = data;
  // World position of image coordinate (column, row); pixel centres sit at whole numbers.
  const world = (column: number, row: number): Types.Point3 => [
    origin[0] + column * spacing[0] * direction[0] + row * spacing[1] * direction[3],
    origin[1] + column * spacing[0] * direction[1] + row * spacing[1] * direction[4],
    origin[2] + column * spacing[0] * direction[2] + row * spacing[1] * direction[5],
  ];
  const canvas = (column: number, row: number) => viewport.worldToCanvas(world(column, row));
  const { columns, rows } = image;
  return gridToCanvas(gridWidth, gridHeight, canvas(-0.5, -0.5), canvas(columns - 0.5, -0.5), canvas(-0.5, rows - 0.5));
}

/** The image's own pixel coordinates (column, row of pixel centres) to canvas CSS pixels. */
export function imagePixelsToCanvas(viewport: Types.IStackViewport): Affine2D | undefined {
  const image = viewport.getCornerstoneImage();
  if (!image) return undefined;
  const grid = imageGridToCanvas(viewport, image.columns, image.rows);
  if (!grid) return undefined;
  // Pixel centre (0, 0) is half a pixel inside the grid's corner.
  return { ...grid, e: grid.e + 0.5 * (grid.a + grid.c), f: grid.f + 0.5 * (grid.b + grid.d) };
}
