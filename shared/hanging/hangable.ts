import type { ImageAttributes } from './image-attributes';

/** Why an instance never takes a viewport, whatever the protocol says. */
export interface NotHangable {
  code: 'for-processing' | 'not-an-image' | 'derived-overlay';
  message: string;
}

/** SOP classes whose pixels are raw detector data, not for display (DOMAIN.md §1.1, §2). */
const FOR_PROCESSING_SOP_CLASSES: readonly string[] = [
  '1.2.840.10008.5.1.4.1.1.1.1.1', // Digital X-Ray Image – For Processing
  '1.2.840.10008.5.1.4.1.1.1.2.1', // Digital Mammography X-Ray Image – For Processing
  '1.2.840.10008.5.1.4.1.1.1.3.1', // Digital Intra-Oral X-Ray Image – For Processing
  '1.2.840.10008.5.1.4.1.1.13.1.5', // Breast Projection X-Ray Image – For Processing
];

/** Modalities and SOP class roots of objects that ride along with a study but are not images. */
const NON_IMAGE_MODALITIES: readonly string[] = ['SR', 'KO', 'PR', 'SEG', 'REG', 'RWV', 'DOC'];
const NON_IMAGE_SOP_CLASS_ROOTS: readonly string[] = [
  '1.2.840.10008.5.1.4.1.1.88.', // structured reports, key object selection
  '1.2.840.10008.5.1.4.1.1.11.', // presentation states
  '1.2.840.10008.5.1.4.1.1.66', // segmentation, registration
  '1.2.840.10008.5.1.4.1.1.104.', // encapsulated documents
];

/** Secondary Capture, single and multi-frame (PS3.4 B.5). */
const SECONDARY_CAPTURE_SOP_CLASSES: readonly string[] = [
  '1.2.840.10008.5.1.4.1.1.7',
  '1.2.840.10008.5.1.4.1.1.7.1',
  '1.2.840.10008.5.1.4.1.1.7.2',
  '1.2.840.10008.5.1.4.1.1.7.3',
  '1.2.840.10008.5.1.4.1.1.7.4',
];

/**
 * A picture made from another image, such as the AI heatmaps Tandem sends to the PACS with a
 * signed report: a Secondary Capture whose ImageType says DERIVED\SECONDARY (made after the
 * examination) and whose SourceImageSequence names the image it was made from (DOMAIN.md §4e).
 * Standard attributes only, never the description. A scanned film is a Secondary Capture too, but
 * names no source image, so it still hangs; so does a DERIVED\PRIMARY capture of the examination
 * itself (a re-encoded or converted radiograph, such as the NEMA MG1 test images); a derived X-ray
 * image (a synthesized 2D mammogram) is not a Secondary Capture, so it hangs too.
 */
function isDerivedOverlay(image: ImageAttributes): boolean {
  return (
    SECONDARY_CAPTURE_SOP_CLASSES.includes(image.sopClassUID ?? '') &&
    image.imageType[0] === 'DERIVED' &&
    image.imageType[1] === 'SECONDARY' &&
    image.sourceImageUIDs.length > 0
  );
}

/**
 * Undefined when the image may be hung; otherwise why not. A For Processing image is never hung,
 * whether the SOP class or PresentationIntentType says so, and neither is a derived overlay.
 */
export function whyNotHangable(image: ImageAttributes): NotHangable | undefined {
  const sopClass = image.sopClassUID ?? '';
  if (image.presentationIntentType === 'FOR PROCESSING' || FOR_PROCESSING_SOP_CLASSES.includes(sopClass)) {
    return { code: 'for-processing', message: 'For Processing images hold raw detector data and are never displayed.' };
  }
  if (NON_IMAGE_MODALITIES.includes(image.modality ?? '') || NON_IMAGE_SOP_CLASS_ROOTS.some((root) => sopClass.startsWith(root))) {
    return { code: 'not-an-image', message: 'This instance is not an image.' };
  }
  if (isDerivedOverlay(image)) {
    return { code: 'derived-overlay', message: 'This picture was made from another image (such as an AI heatmap) and is never hung in place of the images themselves.' };
  }
  return undefined;
}

/** True when the image may take a viewport. */
export function isHangable(image: ImageAttributes): boolean {
  return whyNotHangable(image) === undefined;
}
