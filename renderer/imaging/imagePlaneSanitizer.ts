import { Enums as MetadataEnums } from '@cornerstonejs/metadata';
import { addSanitizingProvider } from './metadataSanitizer';

/**
 * Some radiographs carry a present-but-zero Pixel Spacing (e.g. NEMA RG1: `0.000\0.000`).
 * cornerstone treats that as real, builds a zero-spaced vtk image and the GPU path renders
 * nothing (black). This typed metadata provider sits between the metadata cache (priority
 * 50 000) and the instance lookup (5 000) and replaces non-positive or non-finite spacing with
 * 1 mm, flagged `usingDefaultValues` so tools report pixels instead of millimetres.
 */

interface ImagePlaneLike {
  rowPixelSpacing?: number | null;
  columnPixelSpacing?: number | null;
  pixelSpacing?: number[];
  usingDefaultValues?: boolean;
}

const isValidSpacing = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value > 0;

export function sanitizeImagePlane<T>(plane: T): T {
  if (!plane || typeof plane !== 'object') return plane;
  const p = plane as ImagePlaneLike;
  if (isValidSpacing(p.rowPixelSpacing) && isValidSpacing(p.columnPixelSpacing)) return plane;
  const fixed: ImagePlaneLike = { ...p, rowPixelSpacing: 1, columnPixelSpacing: 1, pixelSpacing: [1, 1] };
  // Non-enumerable on the original (so lost by the spread); cornerstone reads it to decide
  // whether the image is calibrated.
  Object.defineProperty(fixed, 'usingDefaultValues', { value: true });
  return fixed as T;
}

let registered = false;

export function registerImagePlaneSanitizer(): void {
  if (registered) return;
  registered = true;
  addSanitizingProvider(MetadataEnums.MetadataModules.IMAGE_PLANE, sanitizeImagePlane);
}
