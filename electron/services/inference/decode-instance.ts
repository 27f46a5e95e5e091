import { inflateIfDeflated } from '../../../shared/dicom/deflated-part10';
import { decodeSourceImage, type FrameDecoder } from '../../../shared/models/dicom-source';
import type { SourceImage } from '../../../shared/models/source-image';
import { canDecode, decodeCompressedFrame } from './codecs';

export { readImageHeader, type ImageHeader } from '../../../shared/models/dicom-source';

/** The cornerstone WASM codecs, loaded in Node. */
export const nodeCodecs: FrameDecoder = { canDecode, decode: decodeCompressedFrame };

/** Decodes an archived Part 10 file for AI in Node (see shared/models/dicom-source.ts), a deflated one inflated first. */
export async function decodeInstance(part10: Uint8Array): Promise<SourceImage> {
  return decodeSourceImage(await inflateIfDeflated(part10), nodeCodecs);
}
