import { Enums as MetadataEnums } from '@cornerstonejs/metadata';
import { addSanitizingProvider } from './metadataSanitizer';

/**
 * cornerstone 5.14's image creation reads VOI LUT Function as `voiLUTFunction[0]`, but the
 * metadata for Part 10 files gives a plain string, so `LINEAR` becomes `L`; the viewport then
 * never renders. Most mammograms carry (0028,1056), so this provider hands the value on in the
 * array form the image builder expects, dropping values DICOM does not define (PS3.3 C.11.2.1.3).
 */
const DEFINED = new Set(['LINEAR', 'LINEAR_EXACT', 'SIGMOID']);

interface VoiLutLike {
  voiLUTFunction?: unknown;
}

export function sanitizeVoiLut<T>(module: T): T {
  if (!module || typeof module !== 'object') return module;
  const raw = (module as VoiLutLike).voiLUTFunction;
  const first = Array.isArray(raw) ? raw[0] : raw;
  const name = typeof first === 'string' ? first.trim().toUpperCase() : undefined;
  return { ...module, voiLUTFunction: name && DEFINED.has(name) ? [name] : undefined };
}

let registered = false;

export function registerVoiLutSanitizer(): void {
  if (registered) return;
  registered = true;
  addSanitizingProvider(MetadataEnums.MetadataModules.VOI_LUT, sanitizeVoiLut);
}
