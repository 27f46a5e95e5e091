import { readFile } from 'node:fs/promises';
import { readGreyPng } from '../../scripts/fixtures/grey-image';
import type { SourceImage } from '../../shared/models/source-image';

/** A greyscale PNG as a SourceImage (MONOCHROME2, no rescale), for measurement scripts and tests. */
export async function pngSourceImage(file: string, meta: Partial<SourceImage> & { modality: string }): Promise<SourceImage> {
  const image = readGreyPng(await readFile(file));
  return {
    studyInstanceUid: 'png',
    seriesInstanceUid: 'png',
    sopInstanceUid: file,
    rows: image.height,
    columns: image.width,
    pixels: image.pixels,
    rescaleSlope: 1,
    rescaleIntercept: 0,
    photometric: 'MONOCHROME2',
    ...meta,
  };
}
