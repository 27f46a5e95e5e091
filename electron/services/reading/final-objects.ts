import { breastImagingReport } from '../../../shared/dicom/sr/breast-imaging-report';
import { cadSr } from '../../../shared/dicom/sr/cad-sr';
import { chestReportSr } from '../../../shared/dicom/sr/chest-report-sr';
import { toPersonName } from '../../../shared/dicom/sr/common-context';
import { fitBytes } from '../../../shared/dicom/sr/content-items';
import { encapsulatedPdf, heatmapSecondaryCapture } from '../../../shared/dicom/sr/heatmap-secondary-capture';
import { SOP_CLASS, srDocument, type NaturalDataset } from '../../../shared/dicom/sr/sr-document';
import type { NewObject, StudyContext } from '../../../shared/dicom/sr/study-context';
import { label } from '../../../shared/report/lexicon-labels';
import type { ReadingSession } from '../../../shared/report/reading-session';
import { reportPdf } from './report-pdf';
import { stableUid } from './stable-uid';

/** Series numbers Tandem uses for its derived series, away from the modality's. */
export const SERIES_NUMBER = { report: 9901, cad: 9902, heatmaps: 9903, pdf: 9904 } as const;

export interface FinalObject {
  role: 'report-sr' | 'cad-sr' | 'heatmap' | 'pdf';
  dataset: NaturalDataset;
}

/**
 * Every object a final report sends to the PACS: the reader's SR (TID 4200 or chest
 * Comprehensive SR), the AI's CAD SR (TID 4000/4100) when the AI read it, one Secondary Capture
 * per heatmap, and the PDF. UIDs derive from the study and the final signature, so building
 * again yields the same objects.
 */
export async function finalObjects(session: ReadingSession, context: StudyContext, organization = 'Tandem'): Promise<{ objects: FinalObject[]; pdf: Uint8Array }> {
  const final = session.final;
  if (!final) throw new Error('finalObjects: the session is not final');
  const at = new Date(final.signed.at);
  const key = [session.studyInstanceUID, final.signed.at];
  const make = (role: string, seriesNumber: number, n = 0): NewObject => ({
    seriesInstanceUID: stableUid(...key, role, 'series'),
    sopInstanceUID: stableUid(...key, role, String(n)),
    seriesNumber,
    contentDateTime: at,
  });
  const objects: FinalObject[] = [];
  const signed = { readerName: toPersonName(final.signed.by), revisionReason: final.decision === 'revise' ? final.reason : undefined };
  const report = final.report;
  const root = report.kind === 'mammo' ? breastImagingReport(report, signed, context.images) : chestReportSr(report, signed);
  objects.push({
    role: 'report-sr',
    dataset: srDocument(context, make('report', SERIES_NUMBER.report), {
      sopClassUID: SOP_CLASS.comprehensiveSR,
      root,
      verifiedBy: { name: signed.readerName, at, organization },
      seriesDescription: fitBytes(label(report.language, `title.${report.kind}`), 64),
    }),
  });
  const ai = session.ai;
  if (ai) {
    objects.push({
      role: 'cad-sr',
      dataset: srDocument(context, make('cad', SERIES_NUMBER.cad), {
        sopClassUID: session.kind === 'mammo' ? SOP_CLASS.mammographyCadSR : SOP_CLASS.chestCadSR,
        root: cadSr(session.kind, ai, context.images, session.feedback),
        seriesDescription: fitBytes(`AI second read: ${ai.pack.name}`, 64),
      }),
    });
    ai.views.forEach((view, n) => {
      const source = context.images.find((i) => i.sopInstanceUID === view.sopInstanceUid);
      if (!view.heatmap || !source) return;
      objects.push({ role: 'heatmap', dataset: { ...heatmapSecondaryCapture(context, make('heatmap', SERIES_NUMBER.heatmaps, n), view.heatmap, source, `${ai.pack.name} ${ai.pack.version}`), InstanceNumber: n + 1 } });
    });
  }
  const pdf = await reportPdf(session, context);
  objects.push({ role: 'pdf', dataset: encapsulatedPdf(context, make('pdf', SERIES_NUMBER.pdf), pdf, label(report.language, `title.${report.kind}`)) });
  return { objects, pdf };
}
