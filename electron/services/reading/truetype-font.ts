/**
 * The few TrueType tables a PDF needs to embed a font whole (no subsetting): the character map,
 * the advance widths, and the metrics for the font descriptor.
 */
export interface TrueTypeFont {
  bytes: Uint8Array;
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  bbox: [number, number, number, number];
  /** The glyph id of a code point (0 = .notdef, the font lacks it). */
  glyphOf(codePoint: number): number;
  /** The advance width of a glyph, in font units. */
  advanceOf(glyph: number): number;
}

export function parseTrueType(bytes: Uint8Array, fallbackName: string): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, { offset: number; length: number }>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`not a usable TrueType font: no ${tag} table`);
    return t.offset;
  };
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const unitsPerEm = view.getUint16(head + 18);
  const bbox: [number, number, number, number] = [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)];
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const glyphOf = cmapLookup(view, table('cmap'));
  return {
    bytes,
    postscriptName: fallbackName,
    unitsPerEm,
    ascent: view.getInt16(hhea + 4),
    descent: view.getInt16(hhea + 6),
    bbox,
    glyphOf,
    advanceOf: (glyph) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1)),
  };
}

/** A Unicode cmap subtable: format 12 (full range) when present, else format 4 (BMP). */
function cmapLookup(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4: number | undefined;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const sub = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) {
      const groups = view.getUint32(sub + 12);
      return (cp) => {
        for (let g = 0; g < groups; g++) {
          const at = sub + 16 + g * 12;
          const start = view.getUint32(at);
          if (cp >= start && cp <= view.getUint32(at + 4)) return view.getUint32(at + 8) + cp - start;
        }
        return 0;
      };
    }
    if (format === 4) format4 = sub;
  }
  if (format4 === undefined) throw new Error('not a usable TrueType font: no Unicode character map');
  const sub = format4;
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (cp > view.getUint16(ends + s * 2)) continue;
      const start = view.getUint16(starts + s * 2);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + s * 2);
      const rangeOffset = view.getUint16(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
