import type { HungSlot } from './hung-layout';

/** The physical size of an image as displayed (after a quarter turn, if any), in mm. */
function displayedSizeMm(slot: Extract<HungSlot, { kind: 'image' }>): { width: number; height: number } | undefined {
  const { rows, columns } = slot.image;
  const spacing = slot.displaySpacing;
  if (!spacing || !rows || !columns) return undefined;
  const width = columns * spacing.columnMm;
  const height = rows * spacing.rowMm;
  return slot.displayTransform.rotate90 ? { width: height, height: width } : { width, height };
}

/**
 * How much more than its own extent each image of a scale group must fit into its cell so that
 * every image of the group shows at the same physical scale (mm per screen pixel), the largest
 * breast still filling its cell. A factor of 1 means "fit as usual"; 1.25 means the cell shows
 * 1.25× the image's extent, so it appears smaller, as it physically is.
 *
 * `cellAspect` is a cell's width over its height (all cells of a stage are equal). Images without
 * a pixel spacing cannot be scaled physically and keep factor 1; a group of one image is fitted.
 */
export function scaleGroupFactors(slots: readonly HungSlot[], cellAspect: number): Map<string, number> {
  const fitScale = new Map<string, { group: string; scale: number }>();
  for (const slot of slots) {
    if (slot.kind !== 'image' || !slot.scaleGroup) continue;
    const size = displayedSizeMm(slot);
    if (!size) continue;
    // Screen units per mm when fitted alone, with the cell's height as the unit.
    fitScale.set(slot.slotId, { group: slot.scaleGroup, scale: Math.min(cellAspect / size.width, 1 / size.height) });
  }
  const groupScale = new Map<string, number>();
  for (const { group, scale } of fitScale.values()) groupScale.set(group, Math.min(groupScale.get(group) ?? Infinity, scale));
  const factors = new Map<string, number>();
  for (const [slotId, { group, scale }] of fitScale) factors.set(slotId, scale / groupScale.get(group)!);
  return factors;
}
