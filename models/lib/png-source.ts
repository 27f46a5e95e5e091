import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { SourceImage } from '../../shared/models/source-image';

/**
 * A PNG as a greyscale SourceImage (MONOCHROME2, no rescale), for measurement scripts and tests.
 * 8- and 16-bit grey keep their values; colour PNGs (two NIH images are RGBA) become luminance.
 */
export async function pngSourceImage(file: string, meta: Partial<SourceImage> & { modality: string }): Promise<SourceImage> {
  const png = PNG.sync.read(await readFile(file), { skipRescale: true });
  const { width, height } = png;
  const data = png.data as unknown as ArrayLike<number>;
  const channels = data.length / (width * height);
  const colour = (png.colorType & 2) !== 0;
  const pixels = new Uint16Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const at = i * channels;
    pixels[i] = colour ? Math.round(0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!) : data[at]!;
  }
  return {
    studyInstanceUid: 'png',
    seriesInstanceUid: 'png',
    sopInstanceUid: file,
    rows: height,
    columns: width,
    pixels,
    rescaleSlope: 1,
    rescaleIntercept: 0,
    photometric: 'MONOCHROME2',
    ...meta,
  };
}
