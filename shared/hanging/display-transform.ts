import type { ImageAttributes, PatientOrientation } from './image-attributes';
import type { SlotDisplay } from './protocol-schema';
import type { View } from './view-codes';

/**
 * How to put a stored image on screen, derived only from ImageLaterality, the view and
 * PatientOrientation (never from pixels). Apply `rotate90` (a quarter turn clockwise) first, then
 * the flips, both in screen axes; the flips commute with each other.
 */
export interface DisplayTransform {
  rotate90: boolean;
  flipHorizontal: boolean;
  flipVertical: boolean;
  /** The screen edge the chest wall ends on; `none` when the slot does not pin it. */
  chestWallSide: 'left' | 'right' | 'none';
  /** True when the transform rests on a guess; the viewer should warn the reader. */
  assumed: boolean;
  /** Why it is a guess, in words a reader can act on. */
  assumedBecause?: string;
  /** Patient directions of the screen rows (left→right) and columns (top→bottom) once applied. */
  orientationOnScreen?: PatientOrientation;
}

const OPPOSITE: Record<string, string> = { A: 'P', P: 'A', R: 'L', L: 'R', H: 'F', F: 'H' };
/** Views hung with the axilla at the top (DOMAIN.md §1.4 step 3). */
const AXILLA_UP_VIEWS: readonly View[] = ['MLO', 'ML', 'LM', 'LMO', 'SIO'];
/** Views hung with the lateral side at the top. */
const LATERAL_UP_VIEWS: readonly View[] = ['CC', 'XCCL', 'XCCM', 'FB'];

/** The transform a slot's display options ask for. */
export function displayTransformFor(image: ImageAttributes, display: SlotDisplay): DisplayTransform {
  if (display.orientation === 'as-stored' || display.chestWallSide === 'none') {
    return { rotate90: false, flipHorizontal: false, flipVertical: false, chestWallSide: 'none', assumed: false, orientationOnScreen: image.patientOrientation };
  }
  return mammoDisplayTransform(image, display.chestWallSide);
}

/**
 * DOMAIN.md §1.4 (as in PixelMed's mammography viewer), generalised from "R images' chest wall on
 * the right" to any requested side: transpose when the rows run head–foot, flip horizontally until
 * the chest wall is on `side`, and flip vertically until the axilla (MLO family) or the lateral
 * side (CC family) is at the top. Without a usable PatientOrientation the conventional stored
 * orientation for the side and view is assumed, and the result says so.
 */
export function mammoDisplayTransform(image: ImageAttributes, side: 'left' | 'right' | 'by-laterality'): DisplayTransform {
  const laterality = image.imageLaterality;
  if (laterality !== 'R' && laterality !== 'L') {
    const because = laterality === 'B' ? 'The image shows both breasts' : 'The image has no laterality';
    return { rotate90: false, flipHorizontal: false, flipVertical: false, chestWallSide: 'none', assumed: true, assumedBecause: `${because}: shown as stored.` };
  }
  const chestWallSide = side === 'by-laterality' ? (laterality === 'R' ? 'right' : 'left') : side;
  const stored = usableOrientation(image.patientOrientation);
  const assumedBecause = stored ? undefined : image.patientOrientation ? 'PatientOrientation is not usable' : 'PatientOrientation is missing';
  let [row, column] = stored ?? conventionalOrientation(laterality, image.view);

  const rotate90 = !/[AP]/.test(row);
  // A quarter turn clockwise: the old columns run right→left, the old rows run top→bottom.
  if (rotate90) [row, column] = [opposite(column), row];

  const flipHorizontal = !row.includes(chestWallSide === 'right' ? 'P' : 'A');
  if (flipHorizontal) row = opposite(row);

  const flipVertical = needsVerticalFlip(laterality, image.view, column);
  if (flipVertical) column = opposite(column);

  return {
    rotate90,
    flipHorizontal,
    flipVertical,
    chestWallSide,
    assumed: assumedBecause !== undefined,
    assumedBecause: assumedBecause && `${assumedBecause}: the usual orientation for this view is assumed.`,
    orientationOnScreen: [row, column],
  };
}

function needsVerticalFlip(laterality: 'R' | 'L', view: View | undefined, column: string): boolean {
  if (view && AXILLA_UP_VIEWS.includes(view)) return !column.includes('F');
  if (view && LATERAL_UP_VIEWS.includes(view)) return column.includes(laterality);
  // Other or unknown views: let the column direction say which family the image belongs to.
  if (/[HF]/.test(column)) return !column.includes('F');
  return column.includes(laterality);
}

/** An orientation the algorithm can work with: one of the two directions runs anterior–posterior. */
function usableOrientation(orientation: PatientOrientation | undefined): PatientOrientation | undefined {
  if (!orientation) return undefined;
  const [row, column] = orientation;
  return /[AP]/.test(row) || /[AP]/.test(column) ? orientation : undefined;
}

/** How an image of this side and view is stored when it is already hung (DOMAIN.md §1.4 table). */
function conventionalOrientation(laterality: 'R' | 'L', view: View | undefined): PatientOrientation {
  const row = laterality === 'R' ? 'P' : 'A';
  const lateralUp = view !== undefined && LATERAL_UP_VIEWS.includes(view);
  return [row, lateralUp ? opposite(laterality) : 'F'];
}

function opposite(direction: string): string {
  return [...direction].map((letter) => OPPOSITE[letter] ?? letter).join('');
}
