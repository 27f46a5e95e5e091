import { Enums, utilities, type Types } from '@cornerstonejs/core';
import { voiLutCurve } from './voiLutColormap';
import type { VoiLutFunction, VoiLutTable } from './voiPresets';

/**
 * How a viewport maps stored values to grey, set through cornerstone's public viewport API.
 * A VOI LUT is drawn as a registered greyscale colormap (see voiLutColormap.ts); which viewports
 * show one is tracked here, because cornerstone keeps reporting a colormap once one was set.
 */

const lutByViewport = new Map<string, VoiLutTable>();
const registeredCurves = new Set<string>();
let curveCount = 0;

const FUNCTIONS: Record<VoiLutFunction, Enums.VOILUTFunctionType> = {
  LINEAR: Enums.VOILUTFunctionType.LINEAR,
  LINEAR_EXACT: Enums.VOILUTFunctionType.LINEAR_EXACT,
  SIGMOID: Enums.VOILUTFunctionType.SAMPLED_SIGMOID,
};

/** Invert changes flip the transfer function's nodes: apply `change` on un-inverted nodes. */
function withInvertKept(viewport: Types.IStackViewport, change: () => void): void {
  const { invert } = viewport.getProperties();
  if (invert) viewport.setProperties({ invert: false });
  change();
  if (invert) viewport.setProperties({ invert: true });
}

/** Set the VOI function, rebuilding cornerstone's transfer function even when it is unchanged. */
function rebuildTransferFunction(viewport: Types.IStackViewport, fn: Enums.VOILUTFunctionType): void {
  const other = fn === Enums.VOILUTFunctionType.LINEAR ? Enums.VOILUTFunctionType.LINEAR_EXACT : Enums.VOILUTFunctionType.LINEAR;
  viewport.setProperties({ VOILUTFunction: other });
  viewport.setProperties({ VOILUTFunction: fn });
}

/** Show a window (range in stored/modality values) with a VOI LUT function. */
export function showWindow(viewport: Types.IStackViewport, range: Types.VOIRange, fn: VoiLutFunction = 'LINEAR'): void {
  const wasLut = lutByViewport.delete(viewport.id);
  withInvertKept(viewport, () => {
    if (wasLut || viewport.getProperties().VOILUTFunction !== FUNCTIONS[fn]) rebuildTransferFunction(viewport, FUNCTIONS[fn]);
    viewport.setProperties({ voiRange: range });
  });
  viewport.render();
}

/** Show a window given as DICOM Window Center/Width. */
export function showCenterWidth(viewport: Types.IStackViewport, center: number, width: number, fn: VoiLutFunction): void {
  showWindow(viewport, utilities.windowLevel.toLowHighRange(width, center, FUNCTIONS[fn]), fn);
}

/** Show a VOI LUT Sequence item. Returns false when the table cannot be drawn. */
export function showVoiLut(viewport: Types.IStackViewport, table: VoiLutTable): boolean {
  const curve = voiLutCurve(table);
  if (!curve) return false;
  const key = JSON.stringify([table.firstValueMapped, table.values.length, curve.RGBPoints]);
  let name = [...registeredCurves].find((n) => n.endsWith(`|${key}`));
  if (!name) {
    name = `tandem-voi-lut-${++curveCount}|${key}`;
    utilities.colormap.registerColormap({ Name: name, name, ColorSpace: 'RGB', RGBPoints: curve.RGBPoints });
    registeredCurves.add(name);
  }
  const colormapName = name;
  withInvertKept(viewport, () => {
    rebuildTransferFunction(viewport, Enums.VOILUTFunctionType.LINEAR);
    viewport.setProperties({ voiRange: { lower: curve.lower, upper: curve.upper } });
    viewport.setProperties({ colormap: { name: colormapName } });
  });
  lutByViewport.set(viewport.id, table);
  viewport.render();
  return true;
}

/** Forget a viewport's curve (it was disabled). */
export function forgetDisplayCurve(viewportId: string): void {
  lutByViewport.delete(viewportId);
}

/**
 * Rebuild a viewport's transfer function from its current window, function and inversion, e.g.
 * after cornerstone's resetProperties, which restores nodes but not a colormap-shaped curve.
 */
export function rebuildDisplayCurve(viewport: Types.IStackViewport): void {
  lutByViewport.delete(viewport.id);
  const { VOILUTFunction = Enums.VOILUTFunctionType.LINEAR } = viewport.getProperties();
  rebuildTransferFunction(viewport, VOILUTFunction);
  viewport.render();
}

/** Give `target` the same grey mapping and inversion as `source` (the magnifier). */
export function copyDisplayCurve(source: Types.IStackViewport, target: Types.IStackViewport): void {
  const { voiRange, VOILUTFunction, invert } = source.getProperties();
  const table = lutByViewport.get(source.id);
  target.setProperties({ invert: false });
  if (table) showVoiLut(target, table);
  if (voiRange) {
    const fn = (Object.keys(FUNCTIONS) as VoiLutFunction[]).find((k) => FUNCTIONS[k] === VOILUTFunction) ?? 'LINEAR';
    if (table) target.setProperties({ voiRange });
    else showWindow(target, voiRange, fn);
  }
  target.setProperties({ invert: invert === true });
}
