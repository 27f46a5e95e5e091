import type { Types } from '@cornerstonejs/core';

/**
 * Some codecs "succeed" on a corrupt codestream and hand back an empty or short frame instead of
 * throwing. Returns why a decoded image is unusable, or undefined when it looks sound.
 */
export function decodedImageProblem(image: Types.IImage | undefined): string | undefined {
  if (!image) return 'the decoder returned no image';
  const { rows, columns } = image;
  if (!rows || !columns) return `the decoder returned an empty ${columns || 0}×${rows || 0} frame`;
  const pixels = image.voxelManager?.getScalarData?.() ?? image.getPixelData?.();
  const samples = image.color ? 3 : 1;
  if (!pixels || pixels.length < rows * columns * samples) {
    return `the decoder returned ${pixels?.length ?? 0} values for a ${columns}×${rows} frame`;
  }
  return undefined;
}
