import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { label } from '../../../shared/report/lexicon-labels';
import { narrative } from '../../../shared/report/report-narrative';
import type { ReadingSession } from '../../../shared/report/reading-session';
import type { StudyContext } from '../../../shared/dicom/sr/study-context';

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/**
 * The standard PDF fonts cover Latin-1 only, and no font-embedding library is installed: Cyrillic
 * is transliterated (ICAO 9303) so that a Russian report still prints legibly, and the PDF says so.
 * The SR objects carry the exact Russian text.
 */
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

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** The final report as a printable A4 PDF in the report's language. */
export async function reportPdf(session: ReadingSession, context: StudyContext): Promise<Uint8Array> {
  const final = session.final;
  if (!final) throw new Error('reportPdf: the session has no final report');
  const report = final.report;
  const l = report.language;
  const doc = await PDFDocument.create();
  doc.setTitle(printable(label(l, `title.${report.kind}`)));
  doc.setProducer('Tandem');
  doc.setCreationDate(new Date(final.signed.at));
  doc.setModificationDate(new Date(final.signed.at));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page: PDFPage = doc.addPage([595.28, 841.89]);
  let y = page.getHeight() - margin;
  const width = page.getWidth() - 2 * margin;
  const write = (text: string, f: PDFFont, size: number, gap = 4) => {
    for (const line of wrap(printable(text), f, size, width)) {
      if (y < margin + size) {
        page = doc.addPage([595.28, 841.89]);
        y = page.getHeight() - margin;
      }
      page.drawText(line, { x: margin, y: y - size, size, font: f, color: rgb(0, 0, 0) });
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
  if (l === 'ru') write('Cyrillic text is transliterated in this printout; the DICOM SR holds the original Russian text.', font, 8);
  return doc.save();
}
