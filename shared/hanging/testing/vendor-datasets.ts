import type { DicomJsonDataset, DicomJsonElement } from '../../dicom/dicom-json';
import { Tag } from '../../dicom/tags';
import { imageAttributesFromDicomJson, type ImageAttributes } from '../image-attributes';

/**
 * DICOM JSON instances written in the styles the big mammography vendors are known for, built
 * from the standard's own examples (PS3.3 C.8.11.7, CID 4014/4015), not copied from any device.
 * Tests only.
 */

export interface Code {
  value: string;
  scheme: string;
  meaning: string;
}

/** View codes as each coding style sends them. */
export const VIEW = {
  sct: { CC: code('399162004', 'SCT', 'cranio-caudal'), MLO: code('399368009', 'SCT', 'medio-lateral oblique') },
  srt: { CC: code('R-10242', 'SRT', 'cranio-caudal'), MLO: code('R-10226', 'SRT', 'medio-lateral oblique') },
  snm3: { CC: code('R-10242', 'SNM3', 'cranio-caudal'), MLO: code('R-10226', 'SNM3', 'medio-lateral oblique') },
} as const;

export const MODIFIER = {
  magnification: code('399163009', 'SCT', 'Magnification'),
  spotLegacy: code('R-102D7', 'SRT', 'Spot Compression'),
  implantDisplacedLegacy: code('R-102D5', 'SNM3', 'Implant Displaced'),
} as const;

export const SOP = {
  mgForPresentation: '1.2.840.10008.5.1.4.1.1.1.2',
  mgForProcessing: '1.2.840.10008.5.1.4.1.1.1.2.1',
  cr: '1.2.840.10008.5.1.4.1.1.1',
  dxForPresentation: '1.2.840.10008.5.1.4.1.1.1.1',
  secondaryCapture: '1.2.840.10008.5.1.4.1.1.7',
} as const;

export interface InstanceOptions {
  sop: string;
  study?: string;
  date?: string;
  modality?: string;
  sopClass?: string;
  imageLaterality?: string;
  laterality?: string;
  viewCode?: Code;
  /** Put inside the view item, as the standard wants. */
  modifiers?: Code[];
  viewPosition?: string;
  orientation?: [string, string];
  intent?: 'FOR PRESENTATION' | 'FOR PROCESSING';
  bodyPart?: string;
  instanceNumber?: number;
  imagerPixelSpacing?: [number, number];
  ermf?: number;
  imageType?: string[];
  /** SourceImageSequence: the SOP Instance UIDs the image was derived from. */
  sourceImages?: string[];
}

/** One instance in DICOM JSON; anything not asked for is absent. */
export function instance(o: InstanceOptions): DicomJsonDataset {
  const ds: DicomJsonDataset = {
    [Tag.SOPInstanceUID]: ui(o.sop),
    [Tag.StudyInstanceUID]: ui(o.study ?? '1.2.826.0.1.3680043.10.1'),
    [Tag.SeriesInstanceUID]: ui(`${o.study ?? '1.2.826.0.1.3680043.10.1'}.1`),
    [Tag.SOPClassUID]: ui(o.sopClass ?? SOP.mgForPresentation),
    [Tag.Modality]: cs(o.modality ?? 'MG'),
  };
  if (o.date) ds[Tag.StudyDate] = { vr: 'DA', Value: [o.date] };
  if (o.imageLaterality) ds[Tag.ImageLaterality] = cs(o.imageLaterality);
  if (o.laterality) ds[Tag.Laterality] = cs(o.laterality);
  if (o.viewPosition) ds[Tag.ViewPosition] = cs(o.viewPosition);
  if (o.orientation) ds[Tag.PatientOrientation] = { vr: 'CS', Value: [...o.orientation] };
  if (o.intent) ds[Tag.PresentationIntentType] = cs(o.intent);
  if (o.bodyPart) ds[Tag.BodyPartExamined] = cs(o.bodyPart);
  if (o.instanceNumber !== undefined) ds[Tag.InstanceNumber] = { vr: 'IS', Value: [o.instanceNumber] };
  if (o.imagerPixelSpacing) ds[Tag.ImagerPixelSpacing] = { vr: 'DS', Value: [...o.imagerPixelSpacing] };
  if (o.ermf !== undefined) ds[Tag.EstimatedRadiographicMagnificationFactor] = { vr: 'DS', Value: [o.ermf] };
  if (o.imageType) ds[Tag.ImageType] = { vr: 'CS', Value: o.imageType };
  if (o.sourceImages) {
    const items = o.sourceImages.map((uid) => ({ [Tag.ReferencedSOPClassUID]: ui(SOP.mgForPresentation), [Tag.ReferencedSOPInstanceUID]: ui(uid) }));
    ds[Tag.SourceImageSequence] = { vr: 'SQ', Value: items };
  }
  if (o.viewCode) {
    const item = codeItem(o.viewCode);
    // Type 2: present even when empty, as conformant writers send it.
    item[Tag.ViewModifierCodeSequence] = { vr: 'SQ', ...(o.modifiers?.length ? { Value: o.modifiers.map(codeItem) } : {}) };
    ds[Tag.ViewCodeSequence] = { vr: 'SQ', Value: [item] };
  }
  return ds;
}

type Side = 'R' | 'L';
type MammoView = 'CC' | 'MLO';
type Extra = Partial<InstanceOptions> & { sop: string };

/** The orientation each view has once hung (DOMAIN.md §1.4 table), as most devices store it. */
export function hungOrientation(side: Side, view: MammoView): [string, string] {
  if (view === 'CC') return side === 'R' ? ['P', 'L'] : ['A', 'R'];
  return side === 'R' ? ['P', 'F'] : ['A', 'F'];
}

/** Full SCT ViewCodeSequence, ImageLaterality, PatientOrientation, ERMF: a complete MG IOD. */
export function hologicStyle(side: Side, view: MammoView, extra: Extra): DicomJsonDataset {
  return instance({
    imageLaterality: side, viewCode: VIEW.sct[view], viewPosition: view, orientation: hungOrientation(side, view),
    intent: 'FOR PRESENTATION', bodyPart: 'BREAST', imagerPixelSpacing: [0.07, 0.07], ermf: 1.07, imageType: ['ORIGINAL', 'PRIMARY', ''], ...extra,
  });
}

/** Legacy SRT ids (R-10242) in ViewCodeSequence. */
export function geStyle(side: Side, view: MammoView, extra: Extra): DicomJsonDataset {
  return instance({
    imageLaterality: side, viewCode: VIEW.srt[view], viewPosition: view, orientation: hungOrientation(side, view),
    intent: 'FOR PRESENTATION', bodyPart: 'BREAST', imagerPixelSpacing: [0.1, 0.1], ermf: 1.1, ...extra,
  });
}

/** Legacy ids under the SNM3 designator. */
export function siemensStyle(side: Side, view: MammoView, extra: Extra): DicomJsonDataset {
  return instance({
    imageLaterality: side, viewCode: VIEW.snm3[view], orientation: hungOrientation(side, view),
    intent: 'FOR PRESENTATION', bodyPart: 'BREAST', imagerPixelSpacing: [0.085, 0.085], ...extra,
  });
}

/** An older device: ViewPosition 'CC'/'MLO' and series-level Laterality only, no orientation. */
export function olderStyle(side: Side, view: MammoView, extra: Extra): DicomJsonDataset {
  return instance({ laterality: side, viewPosition: view, ...extra });
}

type Style = typeof hologicStyle;

/** A four-view screening exam in one style, as ImageAttributes. */
export function fourViews(style: Style, study: string, date: string, extra: Partial<InstanceOptions> = {}): ImageAttributes[] {
  const views: [Side, MammoView][] = [['R', 'CC'], ['L', 'CC'], ['R', 'MLO'], ['L', 'MLO']];
  return views.map(([side, view], i) =>
    imageAttributesFromDicomJson(style(side, view, { sop: `${study}.1.${i + 1}`, study, date, instanceNumber: i + 1, ...extra })),
  );
}

/** Shorthand: an instance's ImageAttributes. */
export function attrs(o: InstanceOptions): ImageAttributes {
  return imageAttributesFromDicomJson(instance(o));
}

function code(value: string, scheme: string, meaning: string): Code {
  return { value, scheme, meaning };
}

function codeItem(c: Code): DicomJsonDataset {
  return { [Tag.CodeValue]: { vr: 'SH', Value: [c.value] }, [Tag.CodingSchemeDesignator]: { vr: 'SH', Value: [c.scheme] }, [Tag.CodeMeaning]: { vr: 'LO', Value: [c.meaning] } };
}

function ui(value: string): DicomJsonElement {
  return { vr: 'UI', Value: [value] };
}

function cs(value: string): DicomJsonElement {
  return { vr: 'CS', Value: [value] };
}
