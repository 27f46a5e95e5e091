import type { DicomJsonDataset, DicomJsonElement } from '../../../shared/dicom/dicom-json';
import { Tag } from '../../../shared/dicom/tags';
import { viewAttributesFromDicomJson } from '../../../shared/hanging/image-attributes';
import { viewAbbreviation } from '../../../shared/hanging/view-label';
import type { NaturalizedInstance } from '../naturalizedInstance';

/** What the top-left corner says of the image: the side and the view with its modifiers. */
export interface OverlayView {
  /** R, L or B. */
  laterality?: string;
  /** CC, MLO, MCC, CCID, AT, PA, specimen... */
  view?: string;
}

/**
 * The side and view of a loaded image, read by the code that hangs it (shared/hanging): Image
 * Laterality (else the series Laterality), the View Code Sequence by scheme and value (SCT, or
 * legacy SRT/SNM3 ids) with its modifiers, View Position only as a fallback.
 */
export function overlayView(instance: NaturalizedInstance): OverlayView {
  const attributes = viewAttributesFromDicomJson(viewElements(instance));
  const side = attributes.imageLaterality;
  return { laterality: side === 'U' ? undefined : side, view: viewAbbreviation(attributes) };
}

/** The naturalized view elements (keyword → value) as the DICOM JSON the shared reader takes. */
function viewElements(instance: NaturalizedInstance): DicomJsonDataset {
  return {
    [Tag.ImageLaterality]: strings(instance['ImageLaterality']),
    [Tag.Laterality]: strings(instance['Laterality']),
    [Tag.ViewPosition]: strings(instance['ViewPosition']),
    [Tag.ViewCodeSequence]: codeSequence(instance['ViewCodeSequence']),
    // Misplaced at the top level by some writers; the shared reader takes it into account.
    [Tag.ViewModifierCodeSequence]: codeSequence(instance['ViewModifierCodeSequence']),
  };
}

/** A naturalized sequence is an array of items, or a lone item when it holds one. */
function codeSequence(value: unknown): DicomJsonElement | undefined {
  const items = (Array.isArray(value) ? value : [value]).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
  if (items.length === 0) return undefined;
  return {
    vr: 'SQ',
    Value: items.map((item) => ({
      [Tag.CodeValue]: strings(item['CodeValue']),
      [Tag.CodingSchemeDesignator]: strings(item['CodingSchemeDesignator']),
      [Tag.ViewModifierCodeSequence]: codeSequence(item['ViewModifierCodeSequence']),
    })),
  };
}

function strings(value: unknown): DicomJsonElement | undefined {
  const values = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
  return values.length ? { Value: values } : undefined;
}
