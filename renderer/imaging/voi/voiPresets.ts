/**
 * The VOI choices a file offers (DOMAIN.md §2: "Offer each supplied VOI as a preset"): every
 * Window Center/Width pair of a multi-valued (0028,1050)/(0028,1051), every item of the VOI LUT
 * Sequence (0028,3010), and an automatic window over the pixel values.
 */

/** The VOI LUT Function (0028,1056) values DICOM defines. */
export type VoiLutFunction = 'LINEAR' | 'LINEAR_EXACT' | 'SIGMOID';

/** One VOI LUT Sequence item, decoded. */
export interface VoiLutTable {
  /** Stored value mapped to the first entry (LUT Descriptor value 2). */
  firstValueMapped: number;
  /** Output values, one per input value from `firstValueMapped` on. */
  values: number[];
}

export type VoiPreset =
  | { id: string; kind: 'window'; label: string; center: number; width: number; fn: VoiLutFunction }
  | { id: string; kind: 'lut'; label: string; table: VoiLutTable }
  | { id: 'auto'; kind: 'auto'; label: string };

/** The attributes this reads, as the naturalized instance names them. */
export interface VoiAttributes {
  WindowCenter?: unknown;
  WindowWidth?: unknown;
  WindowCenterWidthExplanation?: unknown;
  VOILUTFunction?: unknown;
  VOILUTSequence?: unknown;
  PixelRepresentation?: unknown;
}

export const AUTO_PRESET: VoiPreset = { id: 'auto', kind: 'auto', label: 'Auto (min/max)' };

const list = (value: unknown): unknown[] => {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  return typeof value === 'string' ? value.split('\\') : [value];
};

const toNumber = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function lutFunction(value: unknown): VoiLutFunction {
  const name = String(list(value)[0] ?? '').trim().toUpperCase();
  return name === 'LINEAR_EXACT' || name === 'SIGMOID' ? name : 'LINEAR';
}

/** Every Window Center/Width pair, in file order, without duplicates or zero widths. */
export function windowPresets(attributes: VoiAttributes): VoiPreset[] {
  const centers = list(attributes.WindowCenter).map(toNumber);
  const widths = list(attributes.WindowWidth).map(toNumber);
  const explanations = list(attributes.WindowCenterWidthExplanation).map(text);
  const fn = lutFunction(attributes.VOILUTFunction);
  const presets: VoiPreset[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(centers.length, widths.length); i++) {
    const center = centers[i];
    const width = widths[i];
    // PS3.3 C.11.2.1.2: Window Width ≥ 1 for LINEAR and SIGMOID, > 0 for LINEAR_EXACT.
    if (center === undefined || width === undefined || width <= 0 || (fn !== 'LINEAR_EXACT' && width < 1)) continue;
    const key = `${center}/${width}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const numbers = `W ${width} / C ${center}`;
    const explanation = explanations[i];
    presets.push({ id: `window-${i}`, kind: 'window', label: explanation ? `${explanation} (${numbers})` : numbers, center, width, fn });
  }
  return presets;
}

/** LUT Data as numbers: a US array, a typed array, or OW bytes (16-bit little-endian words). */
export function lutData(raw: unknown): number[] | undefined {
  const value = Array.isArray(raw) && raw.length === 1 && (raw[0] instanceof ArrayBuffer || ArrayBuffer.isView(raw[0])) ? raw[0] : raw;
  if (value instanceof ArrayBuffer) return Array.from(new Uint16Array(value, 0, Math.floor(value.byteLength / 2)));
  if (value instanceof Uint8Array) return Array.from(new Uint16Array(value.slice().buffer, 0, Math.floor(value.byteLength / 2)));
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) {
    const numbers = value.map(toNumber);
    return numbers.every((n) => n !== undefined) ? (numbers as number[]) : undefined;
  }
  return undefined;
}

/** One VOI LUT Sequence item, or undefined when its descriptor and data disagree. */
export function voiLutTable(item: Record<string, unknown>, signedPixels: boolean): VoiLutTable | undefined {
  const descriptor = list(item.LUTDescriptor).map(toNumber);
  const values = lutData(item.LUTData);
  const declared = descriptor[0];
  let first = descriptor[1];
  if (declared === undefined || first === undefined || !values?.length) return undefined;
  // PS3.3 C.11.1.1: 0 entries means 2^16; the first value mapped is signed with signed pixels.
  const entries = declared === 0 ? 65_536 : declared;
  if (signedPixels && first > 32_767) first -= 65_536;
  return { firstValueMapped: first, values: values.slice(0, entries) };
}

/** Every usable VOI LUT Sequence item as a preset. */
export function lutPresets(attributes: VoiAttributes): VoiPreset[] {
  const signed = toNumber(list(attributes.PixelRepresentation)[0]) === 1;
  return list(attributes.VOILUTSequence).flatMap((item, i) => {
    if (!item || typeof item !== 'object') return [];
    const table = voiLutTable(item as Record<string, unknown>, signed);
    if (!table) return [];
    const label = text(list((item as Record<string, unknown>).LUTExplanation)[0]) ?? `VOI LUT ${i + 1}`;
    return [{ id: `lut-${i}`, kind: 'lut' as const, label: `${label} (file LUT)`, table }];
  });
}

/**
 * All presets of one image: the file's VOI LUTs, then its windows (the first of which is what the
 * image opens with when it has no LUT), then "Auto (min/max)".
 */
export function extractVoiPresets(attributes: VoiAttributes): VoiPreset[] {
  return [...lutPresets(attributes), ...windowPresets(attributes), AUTO_PRESET];
}
