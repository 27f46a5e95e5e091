import { init as initCore } from '@cornerstonejs/core';
import { addTool, init as initTools, PanTool, StackScrollTool, WindowLevelTool, ZoomTool } from '@cornerstonejs/tools';
import { init as initDicomImageLoader } from '@cornerstonejs/dicom-image-loader';
import { registerCalibrationProvider } from './calibration/calibrationProvider';
import { installEncodedPixelRelease } from './encodedPixelRelease';
import { registerImagePlaneSanitizer } from './imagePlaneSanitizer';
import { READING_TOOL_CLASSES } from './tools/readingToolGroup';
import { registerVoiLutSanitizer } from './voiLutSanitizer';

/** Upper bound on decode workers; JPEG 2000 mammograms are CPU-heavy but memory-hungry too. */
const MAX_DECODE_WORKERS = 4;

/** Tools registered globally so tool groups can use them. */
const TOOLS = [...READING_TOOL_CLASSES, StackScrollTool] as const;

let initialising: Promise<void> | undefined;

function decodeWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(cores, MAX_DECODE_WORKERS));
}

function initialise(): void {
  // Falls back to CPU rendering by itself when WebGL is unavailable.
  initCore();
  initTools();
  for (const Tool of TOOLS) {
    addTool(Tool); // no-op when already registered
  }
  // Registers the wadouri / dicomfile / wadors loaders and the @cornerstonejs/metadata default
  // providers, and the pool of decode web workers.
  initDicomImageLoader({ maxWebWorkers: decodeWorkerCount() });
  // After the loader: they wrap the @cornerstonejs/metadata default providers it registers.
  registerImagePlaneSanitizer();
  registerCalibrationProvider();
  registerVoiLutSanitizer();
  installEncodedPixelRelease();
}

/**
 * Initialise cornerstone core, tools and the DICOM image loader once. Safe to call from every
 * component; concurrent and later calls share the same promise. A failed attempt may be retried.
 */
export function initImaging(): Promise<void> {
  initialising ??= Promise.resolve()
    .then(initialise)
    .catch((error: unknown) => {
      initialising = undefined;
      throw error;
    });
  return initialising;
}

export const TOOL_NAMES = {
  windowLevel: WindowLevelTool.toolName,
  pan: PanTool.toolName,
  zoom: ZoomTool.toolName,
  stackScroll: StackScrollTool.toolName,
} as const;
