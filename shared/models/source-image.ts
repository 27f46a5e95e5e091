import type { Laterality } from '../domain/ai-result';

/** Stored pixel values as a decoder hands them over (one sample per pixel, row-major). */
export type StoredPixels = Uint8Array | Int8Array | Uint16Array | Int16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/**
 * One decoded greyscale image and the header fields the pixel pipeline needs. The Node service
 * decodes it from the archive; the renderer worker can build the same object from its decoder.
 */
export interface SourceImage {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  modality: string;
  laterality?: Laterality;
  /** CC, MLO, PA, AP, LL… */
  view?: string;
  rows: number;
  columns: number;
  pixels: StoredPixels;
  rescaleSlope: number;
  rescaleIntercept: number;
  photometric: 'MONOCHROME1' | 'MONOCHROME2';
  windowCenter?: number;
  windowWidth?: number;
}
