import type { ResolvedSpacing } from './pixelSpacing';

/** The fields of cornerstone's image plane module this rewrites. */
interface ImagePlaneLike {
  rowPixelSpacing?: number | null;
  columnPixelSpacing?: number | null;
  pixelSpacing?: number[];
}

/** Non-enumerable flags cornerstone reads from the plane module (lost by a spread). */
const HIDDEN_FLAGS = ['isDefaultValueSetForRowCosine', 'isDefaultValueSetForColumnCosine'] as const;

/**
 * cornerstone's image plane module with `spacing` in place of what cornerstone derived.
 *
 * `usingDefaultValues` is one of the things StackViewport reads to decide whether lengths are in
 * mm: cornerstone also sets it when Image Orientation/Position (Patient) are absent, which they
 * always are on projection radiographs. Here it says only whether the *spacing* is a default.
 */
export function planeWithSpacing<T>(plane: T, spacing: ResolvedSpacing): T {
  if (!plane || typeof plane !== 'object') return plane;
  const fixed: ImagePlaneLike = {
    ...(plane as ImagePlaneLike),
    rowPixelSpacing: spacing.row,
    columnPixelSpacing: spacing.column,
    pixelSpacing: [spacing.row, spacing.column],
  };
  for (const flag of HIDDEN_FLAGS) {
    const value = (plane as Record<string, unknown>)[flag];
    if (value !== undefined) Object.defineProperty(fixed, flag, { value });
  }
  Object.defineProperty(fixed, 'usingDefaultValues', { value: spacing.source === 'uncalibrated' });
  return fixed as T;
}
