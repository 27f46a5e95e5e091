import type { PDFRawStream} from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName, decodePDFRawStream, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { findUnicodeFont } from './pdf-unicode-font';
import { reportPdf } from './report-pdf';
import { finalSession, mammoReport, sampleContext } from './testing/sample-reading';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** The text a PDF reader would extract: content-stream strings through each font's ToUnicode map. */
async function extractText(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const map = new Map<string, string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const stream = doc.context.lookup(object.get(PDFName.of('ToUnicode')) as PDFRef) as PDFRawStream;
    for (const [, glyph, unicode] of latin1(decodePDFRawStream(stream).decode()).matchAll(/<([0-9A-F]{4})> <([0-9A-F]{4,8})>/g)) {
      map.set(glyph!, String.fromCodePoint(...(unicode!.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16))));
    }
  }
  let text = '';
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r) as PDFRawStream) : [contents as PDFRawStream];
    for (const stream of streams) {
      const ops = latin1(decodePDFRawStream(stream).decode());
      for (const [, hex, literal] of ops.matchAll(/(?:<([0-9A-F]+)>|\(((?:[^()\\]|\\.)*)\)) Tj/g)) {
        // Identity-H strings are 2-byte glyph ids; the standard fonts' are 1-byte WinAnsi codes.
        const decoded = !hex ? literal : map.size ? (hex.match(/.{4}/g) ?? []).map((g) => map.get(g) ?? '\uFFFD').join('') : latin1(Buffer.from(hex, 'hex'));
        text += `${decoded}\n`;
      }
    }
  }
  return text;
}

describe('report PDF', () => {
  it('prints a Russian report in Cyrillic, with a font embedded and text a reader can copy', async (ctx) => {
    const font = await findUnicodeFont();
    if (!font) return ctx.skip('no Unicode TrueType font installed here (DejaVu, Liberation or Arial)');
    const report = mammoReport('ru');
    const base = finalSession();
    const pdf = await reportPdf({ ...base, report, final: { ...base.final!, report } }, sampleContext());
    const text = await extractText(pdf);
    expect(text).toContain('Протокол скрининговой маммографии');
    expect(text).toContain('Правая молочная железа');
    expect(text).toContain('Сравнение с предыдущими снимками.');
    expect(text).toContain('Иванова Мария');
    expect(text).not.toContain('\uFFFD');
    expect(text).not.toMatch(/transliterated/);
  });

  it('without a Unicode font it still prints, transliterated, and says so', async () => {
    const report = mammoReport('ru');
    const base = finalSession();
    const text = await extractText(await reportPdf({ ...base, report, final: { ...base.final!, report } }, sampleContext(), null));
    expect(text).toContain('Pravaia molochnaia zheleza');
    expect(text).toContain('transliterated');
  });
});
