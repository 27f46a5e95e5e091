import { imageLoader, init as initCore } from '@cornerstonejs/core';
import { init as initDicomImageLoader, wadouri } from '@cornerstonejs/dicom-image-loader';
import { Enums as MetadataEnums, utilities as metadataUtilities } from '@cornerstonejs/metadata';
import type { DecodeTiming } from '../decode-timing';

/**
 * The decode benchmark's page: the renderer's own loader path (dicom-image-loader, `dicomfile:`
 * Blob, its web worker and its codec builds, bundled by Vite like the app) with nothing else.
 * Node calls `window.tandemDecode(url, repeats)` through playwright.
 */
declare global {
  interface Window {
    tandemDecode?: (url: string, repeats: number) => Promise<DecodeTiming>;
  }
}

initCore();
// One worker: each file is decoded alone, as one viewport's load is.
initDicomImageLoader({ maxWebWorkers: 1 });

async function loadOnce(bytes: ArrayBuffer): Promise<{ totalMs: number; workerMs: number; rows: number; columns: number }> {
  const imageId = wadouri.fileManager.add(new Blob([bytes], { type: 'application/dicom' }));
  const started = performance.now();
  try {
    const image = await imageLoader.loadImage(imageId);
    const totalMs = performance.now() - started;
    const workerMs = (image as { decodeTimeInMS?: number }).decodeTimeInMS ?? Number.NaN;
    return { totalMs, workerMs, rows: image.rows, columns: image.columns };
  } finally {
    // Forget the file so the next repeat parses it again, as a newly opened image is.
    wadouri.dataSetCacheManager.unload(imageId.slice('dicomfile:'.length));
    wadouri.fileManager.remove(Number(imageId.slice('dicomfile:'.length)));
    metadataUtilities.clearTypedCacheData(MetadataEnums.MetadataModules.NATURALIZED, imageId);
  }
}

window.tandemDecode = async (url, repeats) => {
  const bytes = await (await fetch(url)).arrayBuffer();
  const timing: DecodeTiming = { totalMs: [], workerMs: [], rows: 0, columns: 0 };
  // The first load initialises the codec's WASM in the worker; it is not counted.
  await loadOnce(bytes);
  for (let i = 0; i < repeats; i++) {
    const one = await loadOnce(bytes);
    timing.totalMs.push(one.totalMs);
    timing.workerMs.push(one.workerMs);
    timing.rows = one.rows;
    timing.columns = one.columns;
  }
  return timing;
};
