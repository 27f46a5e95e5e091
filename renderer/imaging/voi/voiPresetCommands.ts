import type { Types } from '@cornerstonejs/core';
import { naturalizedInstance } from '../naturalizedInstance';
import { readingViewport } from '../view/readingViewport';
import { minMaxWithoutPadding } from './autoWindow';
import { showCenterWidth, showVoiLut, showWindow } from './displayCurve';
import { extractVoiPresets, type VoiPreset } from './voiPresets';

/** The VOI presets of the image a viewport shows (empty before its metadata is loaded). */
export function voiPresetsOf(viewportId: string | undefined): VoiPreset[] {
  const imageId = readingViewport(viewportId)?.getCurrentImageId();
  const instance = imageId ? naturalizedInstance(imageId) : undefined;
  return instance ? extractVoiPresets(instance) : [];
}

const lastPresetByViewport = new Map<string, string>();

const firstNumber = (value: unknown): number | undefined => {
  const raw = Array.isArray(value) ? value[0] : value;
  const n = typeof raw === 'string' ? Number.parseFloat(raw) : raw;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** The auto window over the displayed pixels, padding left out (in the values cornerstone renders). */
function autoRange(viewport: Types.IStackViewport): Types.VOIRange | undefined {
  const image = viewport.getCornerstoneImage();
  const pixels = image?.voxelManager?.getScalarData?.() ?? image?.getPixelData?.();
  if (!image || !pixels) return undefined;
  const instance = naturalizedInstance(image.imageId) ?? {};
  // Padding is a stored value; cornerstone's pixels are rescaled when preScale says so.
  const scale = (v: number | undefined) => (v === undefined || !image.preScale?.scaled ? v : v * (image.slope ?? 1) + (image.intercept ?? 0));
  return minMaxWithoutPadding(pixels as ArrayLike<number>, {
    value: scale(firstNumber(instance.PixelPaddingValue)),
    rangeLimit: scale(firstNumber(instance.PixelPaddingRangeLimit)),
  });
}

/** Show one of `voiPresetsOf(viewportId)` by its id. Returns false when it cannot be shown. */
export function applyVoiPreset(viewportId: string, presetId: string): boolean {
  const viewport = readingViewport(viewportId);
  const preset = voiPresetsOf(viewportId).find((p) => p.id === presetId);
  if (!viewport || !preset) return false;
  let shown = true;
  if (preset.kind === 'window') showCenterWidth(viewport, preset.center, preset.width, preset.fn);
  else if (preset.kind === 'lut') shown = showVoiLut(viewport, preset.table);
  else {
    const range = autoRange(viewport);
    if (range) showWindow(viewport, range);
    shown = range !== undefined;
  }
  if (shown) lastPresetByViewport.set(viewportId, presetId);
  return shown;
}

/**
 * Step to the preset after the one last applied. An image opens on its file's first window (or
 * cornerstone's min/max when it has none), so the first step goes to the second preset.
 */
export function applyNextVoiPreset(viewportId: string): boolean {
  const presets = voiPresetsOf(viewportId);
  if (!presets.length) return false;
  const last = lastPresetByViewport.get(viewportId);
  const opening = presets.findIndex((p) => p.kind === 'window');
  const index = last === undefined ? opening : presets.findIndex((p) => p.id === last);
  return applyVoiPreset(viewportId, presets[(index + 1) % presets.length]!.id);
}

/** Forget which preset a viewport last showed (after a reset). */
export function forgetVoiPreset(viewportId: string): void {
  lastPresetByViewport.delete(viewportId);
}
