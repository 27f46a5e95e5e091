import { Enums, metaData, utilities } from '@cornerstonejs/metadata';
import { planeWithSpacing } from './planeWithSpacing';
import { resolvePixelSpacing, type ResolvedSpacing, type SpacingAttributes, type SpacingSource } from './pixelSpacing';

/**
 * Makes cornerstone measure projection radiographs by Tandem's spacing rule (pixelSpacing.ts).
 *
 * cornerstone 5.14 (@cornerstonejs/metadata `getPixelSpacingInformation`) already divides Imager
 * Pixel Spacing by ERMF (or SID/SOD) when it is > 1, but only for the SOP classes in its own list
 * (CR, DX, MG, intra-oral, XA/RF): a Breast Projection X-Ray (1.2.840.10008.5.1.4.1.1.13.1.4/5) or
 * a Secondary Capture with Imager Pixel Spacing stays uncalibrated. Its image plane module also
 * says `usingDefaultValues` whenever Image Orientation/Position are absent, which they always are
 * on projection images, so whether StackViewport reports mm depends on which of its two code paths
 * ran last. Zero spacing (NEMA RG1's `0.000\0.000`) is registered as a calibration of 0.
 *
 * This typed provider sits below the instance lookup (priority 5 000) and above cornerstone's own
 * image plane provider (0), so it sees the naturalized instance. It registers the resolved spacing
 * as the image's calibration (before cornerstone would register its own) and returns the plane
 * module with that spacing and an honest `usingDefaultValues`.
 */
const PRIORITY = 1_000;

const CALIBRATION_TYPE: Record<SpacingSource, Enums.CalibrationTypes> = {
  'calibrated-pixel-spacing': Enums.CalibrationTypes.CALIBRATED,
  'imager-ermf': Enums.CalibrationTypes.ERMF,
  imager: Enums.CalibrationTypes.PROJECTION,
  'pixel-spacing': Enums.CalibrationTypes.NOT_APPLICABLE,
  uncalibrated: Enums.CalibrationTypes.UNCALIBRATED,
};


const resolvedByImageId = new Map<string, ResolvedSpacing>();

function registerCalibration(imageId: string, spacing: ResolvedSpacing): void {
  // A calibration with a positive spacing makes StackViewport report mm whatever else it says,
  // so an uncalibrated image registers none (cornerstone registers zero spacing or nothing).
  if (spacing.source === 'uncalibrated') return;
  const provider = utilities.calibratedPixelSpacingMetadataProvider;
  const type = CALIBRATION_TYPE[spacing.source];
  const existing = provider.get('calibratedPixelSpacing', imageId);
  if (existing?.rowPixelSpacing === spacing.row && existing.columnPixelSpacing === spacing.column && existing.type === type) return;
  provider.add(imageId, { rowPixelSpacing: spacing.row, columnPixelSpacing: spacing.column, type });
}

/** The spacing Tandem resolved for an image whose plane module was read, if any. */
export function resolvedSpacing(imageId: string): ResolvedSpacing | undefined {
  return resolvedByImageId.get(imageId);
}

let registered = false;

/** Register the provider once; after the image loader has registered cornerstone's defaults. */
export function registerCalibrationProvider(): void {
  if (registered) return;
  registered = true;
  metaData.addTypedProvider(
    Enums.MetadataModules.IMAGE_PLANE,
    (next, imageId, instance, options) => {
      if (!instance || typeof instance !== 'object') return next(imageId, instance, options);
      const spacing = resolvePixelSpacing(instance as SpacingAttributes);
      resolvedByImageId.set(imageId, spacing);
      registerCalibration(imageId, spacing);
      const plane = next(imageId, instance, options);
      return plane instanceof Promise ? plane.then((p) => planeWithSpacing(p, spacing)) : planeWithSpacing(plane, spacing);
    },
    { priority: PRIORITY },
  );
}
