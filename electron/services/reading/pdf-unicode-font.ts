import { readFile } from 'node:fs/promises';
import { PDFHexString, PDFName, PDFNumber, PDFString, TextRenderingMode, beginText, endText, moveText, popGraphicsState, pushGraphicsState, setFontAndSize, setLineWidth, setTextRenderingMode, showText, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { parseTrueType, type TrueTypeFont } from './truetype-font';

/** How the report PDF measures and writes a line, whichever font it has. */
export interface PdfTextFont {
  /** False when some characters cannot be shown (the caller then prints a fallback). */
  covers(text: string): boolean;
  widthOf(text: string, size: number): number;
  draw(page: PDFPage, text: string, x: number, y: number, size: number): void;
}

/** TrueType fonts with Cyrillic found on Linux, Windows and macOS installs. */
const CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
];

/** The first installed Unicode font (TANDEM_REPORT_FONT, a .ttf path, takes precedence), or undefined. */
export async function findUnicodeFont(): Promise<Uint8Array | undefined> {
  const override = process.env.TANDEM_REPORT_FONT;
  for (const file of override ? [override, ...CANDIDATES] : CANDIDATES) {
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes) return new Uint8Array(bytes);
  }
  return undefined;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0').toUpperCase();
}

function toUnicodeCMap(used: Map<number, number>): string {
  const entries = [...used].map(([glyph, cp]) => `<${hex4(glyph)}> <${cp > 0xffff ? utf16Hex(cp) : hex4(cp)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) blocks.push(`${Math.min(100, entries.length - i)} beginbfchar\n${entries.slice(i, i + 100).join('\n')}\nendbfchar`);
  return `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${blocks.join('\n')}\nendcmap\nCMapName currentdict /CMapName exch defineresource pop\nend\nend`;
}

function utf16Hex(cp: number): string {
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/**
 * A whole TrueType font embedded as a Type 0 / CIDFontType2 font with Identity-H encoding (glyph
 * ids as character codes) and a ToUnicode map, so the PDF shows and copies Cyrillic exactly.
 * pdf-lib embeds custom fonts only through fontkit, which is not installed; this writes the font
 * dictionaries itself. Call `finish()` after drawing: widths and ToUnicode cover the glyphs used.
 */
export class EmbeddedUnicodeFont implements PdfTextFont {
  private readonly font: TrueTypeFont;
  private readonly used = new Map<number, number>();
  private readonly ref: PDFRef;
  private readonly resourceName: PDFName;

  constructor(
    private readonly doc: PDFDocument,
    bytes: Uint8Array,
    name: string,
  ) {
    this.font = parseTrueType(bytes, name);
    this.ref = doc.context.nextRef();
    this.resourceName = PDFName.of(name);
  }

  covers(text: string): boolean {
    return [...text].every((ch) => ch === '\n' || this.font.glyphOf(ch.codePointAt(0)!) !== 0);
  }

  widthOf(text: string, size: number): number {
    let units = 0;
    for (const ch of text) units += this.font.advanceOf(this.font.glyphOf(ch.codePointAt(0)!));
    return (units * size) / this.font.unitsPerEm;
  }

  /** The same embedded font drawn heavier (fill and a thin stroke): one font file per PDF, not two. */
  bold(): PdfTextFont {
    return {
      covers: (text) => this.covers(text),
      widthOf: (text, size) => this.widthOf(text, size),
      draw: (page, text, x, y, size) => this.draw(page, text, x, y, size, true),
    };
  }

  draw(page: PDFPage, text: string, x: number, y: number, size: number, heavy = false): void {
    let hex = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const glyph = this.font.glyphOf(cp);
      this.used.set(glyph, cp);
      hex += hex4(glyph);
    }
    page.node.setFontDictionary(this.resourceName, this.ref);
    const weight = heavy ? [setTextRenderingMode(TextRenderingMode.FillAndOutline), setLineWidth(size * 0.035)] : [];
    page.pushOperators(pushGraphicsState(), beginText(), ...weight, setFontAndSize(this.resourceName.asString().slice(1), size), moveText(x, y), showText(PDFHexString.of(hex)), endText(), popGraphicsState());
  }

  /** Writes the font objects (call once, after all text is drawn). */
  finish(): void {
    const { context } = this.doc;
    const f = this.font;
    const scale = (v: number) => Math.round((v * 1000) / f.unitsPerEm);
    const fontFile = context.flateStream(f.bytes, { Length1: f.bytes.length });
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: this.resourceName,
      Flags: 32,
      FontBBox: f.bbox.map(scale),
      ItalicAngle: 0,
      Ascent: scale(f.ascent),
      Descent: scale(f.descent),
      CapHeight: scale(f.ascent),
      StemV: 80,
      FontFile2: context.register(fontFile),
    });
    const widths = [...this.used.keys()].sort((a, b) => a - b).flatMap((g) => [PDFNumber.of(g), context.obj([scale(f.advanceOf(g))])]);
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: this.resourceName,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: context.register(descriptor),
      W: context.obj(widths),
      CIDToGIDMap: 'Identity',
    });
    const toUnicode = context.register(context.flateStream(toUnicodeCMap(this.used)));
    context.assign(
      this.ref,
      context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: this.resourceName, Encoding: 'Identity-H', DescendantFonts: [context.register(cidFont)], ToUnicode: toUnicode }),
    );
  }
}
