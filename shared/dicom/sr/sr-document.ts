import type { ContentItem } from './content-items';
import { dicomDateTime, type NewObject, type SourceImage, type StudyContext } from './study-context';

export const SOP_CLASS = {
  comprehensiveSR: '1.2.840.10008.5.1.4.1.1.88.33',
  mammographyCadSR: '1.2.840.10008.5.1.4.1.1.88.50',
  chestCadSR: '1.2.840.10008.5.1.4.1.1.88.65',
  secondaryCapture: '1.2.840.10008.5.1.4.1.1.7',
  encapsulatedPdf: '1.2.840.10008.5.1.4.1.1.104.1',
} as const;

/** A naturalized data set as dcmjs writes it. */
export type NaturalDataset = Record<string, unknown> & { _vrMap?: Record<string, string> };

/** Patient, General Study, General Equipment and SOP Common, as every derived object needs them. */
export function commonModules(context: StudyContext, object: NewObject, sopClassUID: string, modality: string): NaturalDataset {
  const { date, time } = dicomDateTime(object.contentDateTime);
  return {
    SpecificCharacterSet: 'ISO_IR 192',
    SOPClassUID: sopClassUID,
    SOPInstanceUID: object.sopInstanceUID,
    InstanceCreationDate: date,
    InstanceCreationTime: time,
    TimezoneOffsetFromUTC: '+0000',
    ...context.patient,
    ...context.study,
    Modality: modality,
    SeriesInstanceUID: object.seriesInstanceUID,
    SeriesNumber: object.seriesNumber,
    InstanceNumber: 1,
    Manufacturer: 'Tandem',
    // Declares Tandem's private coding scheme (PS3.3 C.12.1.1.4) for the codes no standard covers.
    CodingSchemeIdentificationSequence: [{ CodingSchemeDesignator: '99TANDEM', CodingSchemeName: 'Tandem local codes', CodingSchemeResponsibleOrganization: 'Tandem' }],
    ContentDate: date,
    ContentTime: time,
  };
}

/** CurrentRequestedProcedureEvidenceSequence: Study → Series → SOP for every referenced image. */
export function evidenceSequence(studyInstanceUID: string, images: SourceImage[]): unknown[] {
  const bySeries = new Map<string, SourceImage[]>();
  for (const image of images) bySeries.set(image.seriesInstanceUID, [...(bySeries.get(image.seriesInstanceUID) ?? []), image]);
  return [
    {
      StudyInstanceUID: studyInstanceUID,
      ReferencedSeriesSequence: [...bySeries].map(([series, list]) => ({
        SeriesInstanceUID: series,
        ReferencedSOPSequence: list.map((i) => ({ ReferencedSOPClassUID: i.sopClassUID, ReferencedSOPInstanceUID: i.sopInstanceUID })),
      })),
    },
  ];
}

export interface SrDocumentOptions {
  sopClassUID: string;
  root: ContentItem;
  /** A signed report is COMPLETE and VERIFIED by its reader; AI output stays UNVERIFIED. */
  verifiedBy?: { name: string; at: Date; organization: string };
  seriesDescription: string;
}

/** An SR document: header modules plus the content tree whose root is `root`. */
export function srDocument(context: StudyContext, object: NewObject, options: SrDocumentOptions): NaturalDataset {
  const { root } = options;
  const verified = options.verifiedBy;
  return {
    ...commonModules(context, object, options.sopClassUID, 'SR'),
    SeriesDescription: options.seriesDescription,
    ReferencedPerformedProcedureStepSequence: [],
    CompletionFlag: 'COMPLETE',
    VerificationFlag: verified ? 'VERIFIED' : 'UNVERIFIED',
    ...(verified
      ? {
          VerifyingObserverSequence: [
            {
              VerifyingObserverName: verified.name,
              VerifyingObserverIdentificationCodeSequence: [],
              VerifyingOrganization: verified.organization,
              VerificationDateTime: `${dicomDateTime(verified.at).date}${dicomDateTime(verified.at).time}`,
            },
          ],
        }
      : {}),
    PerformedProcedureCodeSequence: [],
    CurrentRequestedProcedureEvidenceSequence: evidenceSequence(context.study.StudyInstanceUID, context.images),
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: root['ConceptNameCodeSequence'],
    ContinuityOfContent: 'SEPARATE',
    ContentTemplateSequence: root['ContentTemplateSequence'],
    ContentSequence: root.ContentSequence ?? [],
  };
}
