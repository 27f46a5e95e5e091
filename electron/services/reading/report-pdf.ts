import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { StudyContext } from '../../../shared/dicom/sr/study-context';
import { label } from '../../../shared/report/lexicon-labels';
import type { ReadingSession } from '../../../shared/report/reading-session';
import { narrative } from '../../../shared/report/report-narrative';
import { EmbeddedUnicodeFont, findUnicodeFont, type PdfTextFont } from './pdf-unicode-font';

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Latin-1 only (the standard PDF fonts): Cyrillic transliterated (ICAO 9303), anything else `?`. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const t = CYRILLIC[lower];
    if (t !== undefined) out += ch === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
    else if (ch === '—' || ch === '–') out += '-';
    else if (ch === '’' || ch === '‘') out += "'";
    else if (/[\u0020-\u007e\u00a0-\u00ff\n]/.test(ch)) out += ch;
    else out += '?';
  }
  return out;
}

/** A standard font: only used when no Unicode font is installed on this machine. */
function standardFont(font: PDFFont): PdfTextFont {
  return {
    covers: (text) => printable(text) === text,
    widthOf: (text, size) => font.widthOfTextAtSize(printable(text), size),
    draw: (page, text, x, y, size) => page.drawText(printable(text), { x, y, size, font, color: rgb(0, 0, 0) }),
  };
}

function wrap(text: string, font: PdfTextFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOf(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The final report as a printable A4 PDF in the report's language. Text is set in an installed
 * Unicode TrueType font (DejaVu Sans, Liberation Sans or Arial), embedded; only on a machine with
 * none of them does it fall back to Helvetica with Cyrillic transliterated, and says so.
 */
export async function reportPdf(session: ReadingSession, context: StudyContext, fontFile?: Uint8Array | null): Promise<Uint8Array> {
  const final = session.final;
  if (!final) throw new Error('reportPdf: the session has no final report');
  const report = final.report;
  const l = report.language;
  const doc = await PDFDocument.create();
  doc.setTitle(label(l, `title.${report.kind}`));
  doc.setProducer('Tandem');
  doc.setCreationDate(new Date(final.signed.at));
  doc.setModificationDate(new Date(final.signed.at));
  // `null` forces the standard fonts (tests of the fallback).
  const installed = fontFile === null ? undefined : (fontFile ?? (await findUnicodeFont()));
  const embedded = installed ? new EmbeddedUnicodeFont(doc, installed, 'TandemSans') : undefined;
  const { font, bold }: { font: PdfTextFont; bold: PdfTextFont } = embedded ? { font: embedded, bold: embedded.bold() } : {
    font: standardFont(await doc.embedFont(StandardFonts.Helvetica)),
    bold: standardFont(await doc.embedFont(StandardFonts.HelveticaBold)),
  };
  let transliterated = false;
  const margin = 56;
  let page: PDFPage = doc.addPage([595.28, 841.89]);
  let y = page.getHeight() - margin;
  const width = page.getWidth() - 2 * margin;
  const write = (text: string, f: PdfTextFont, size: number, gap = 4) => {
    if (!f.covers(text)) transliterated = true;
    for (const line of wrap(text, f, size, width)) {
      if (y < margin + size) {
        page = doc.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      f.draw(page, line, margin, y - size, size);
      y -= size + gap;
    }
  };
  write(label(l, `title.${report.kind}`), bold, 16, 10);
  write(`${label(l, 'label.patient')}: ${context.patient.PatientName.replace(/\^/g, ' ')}  ID ${context.patient.PatientID}`, font, 10);
  write(`${label(l, 'label.study')}: ${context.study.StudyDate} ${context.study.AccessionNumber}`, font, 10, 12);
  for (const section of narrative(report)) {
    write(section.heading, bold, 12);
    for (const line of section.lines) write(line, font, 11);
    y -= 6;
  }
  if (final.reason && final.decision === 'revise') write(`${label(l, 'label.revisionReason')}: ${final.reason}`, font, 11, 10);
  if (session.ai) write(`${label(l, 'label.ai')}: ${session.ai.pack.name} ${session.ai.pack.version}${session.ai.pack.notForClinicalUse ? ' (not for clinical use)' : ''}`, font, 10);
  write(`${label(l, 'label.reader')}: ${final.signed.by}. ${label(l, 'label.signed')}: ${final.signed.at}`, font, 10, 10);
  if (transliterated) write('Some characters could not be printed with the fonts on this machine and were transliterated; the DICOM SR holds the original text.', font, 8);
  embedded?.finish();
  return doc.save();
}
