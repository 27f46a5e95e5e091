import { describe, expect, it } from 'vitest';
import { Tag } from '../dicom/tags';
import { imageAttributesFromDicomJson } from './image-attributes';
import { MODIFIER, SOP, geStyle, hologicStyle, instance, olderStyle, siemensStyle } from './testing/vendor-datasets';

describe('imageAttributesFromDicomJson', () => {
  it('reads a complete MG instance with SCT view codes (Hologic-like)', () => {
    const a = imageAttributesFromDicomJson(hologicStyle('R', 'CC', { sop: '1.2.3.1', study: '1.2.3', date: '20240315', instanceNumber: 1 }));
    expect(a).toMatchObject({
      sopInstanceUID: '1.2.3.1',
      studyInstanceUID: '1.2.3',
      seriesInstanceUID: '1.2.3.1',
      studyDate: '20240315',
      modality: 'MG',
      sopClassUID: SOP.mgForPresentation,
      imageLaterality: 'R',
      lateralitySource: 'ImageLaterality',
      view: 'CC',
      viewSource: 'ViewCodeSequence',
      viewModifiers: [],
      patientOrientation: ['P', 'L'],
      bodyPartExamined: 'BREAST',
      presentationIntentType: 'FOR PRESENTATION',
      imagerPixelSpacing: [0.07, 0.07],
      estimatedRadiographicMagnificationFactor: 1.07,
      instanceNumber: 1,
    });
    expect(a.imageType).toEqual(['ORIGINAL', 'PRIMARY', '']);
  });

  it('accepts legacy SRT ids (GE-like) and the SNM3 designator (Siemens-like)', () => {
    expect(imageAttributesFromDicomJson(geStyle('L', 'CC', { sop: '1.1' })).view).toBe('CC');
    expect(imageAttributesFromDicomJson(geStyle('L', 'MLO', { sop: '1.2' })).view).toBe('MLO');
    const siemens = imageAttributesFromDicomJson(siemensStyle('R', 'MLO', { sop: '1.3' }));
    expect(siemens).toMatchObject({ view: 'MLO', viewSource: 'ViewCodeSequence', imageLaterality: 'R' });
  });

  it('compares codes by scheme and value, never by meaning text', () => {
    const misnamed = instance({ sop: '1.1', viewCode: { value: '399162004', scheme: 'SCT', meaning: 'medio-lateral oblique' } });
    expect(imageAttributesFromDicomJson(misnamed).view).toBe('CC');
    const unknownCode = instance({ sop: '1.2', viewCode: { value: '99999', scheme: '99VENDOR', meaning: 'cranio-caudal' } });
    expect(imageAttributesFromDicomJson(unknownCode).view).toBeUndefined();
    // The same legacy id under a scheme that does not own it is not a view.
    const wrongScheme = instance({ sop: '1.3', viewCode: { value: 'R-10242', scheme: 'SCT', meaning: 'cranio-caudal' } });
    expect(imageAttributesFromDicomJson(wrongScheme).view).toBeUndefined();
  });

  it('falls back to ViewPosition and series Laterality on older devices', () => {
    const a = imageAttributesFromDicomJson(olderStyle('L', 'MLO', { sop: '1.1' }));
    expect(a).toMatchObject({ view: 'MLO', viewSource: 'ViewPosition', imageLaterality: 'L', lateralitySource: 'Laterality' });
    expect(a.patientOrientation).toBeUndefined();
  });

  it('uses ViewPosition when the view code is one it does not know, and reads RCC as CC', () => {
    const a = instance({ sop: '1.1', viewCode: { value: '1234', scheme: '99X', meaning: '?' }, viewPosition: 'RCC' });
    expect(imageAttributesFromDicomJson(a)).toMatchObject({ view: 'CC', viewSource: 'ViewPosition' });
  });

  it('prefers ImageLaterality over the series Laterality', () => {
    const a = imageAttributesFromDicomJson(instance({ sop: '1.1', imageLaterality: 'L', laterality: 'R' }));
    expect(a).toMatchObject({ imageLaterality: 'L', lateralitySource: 'ImageLaterality' });
  });

  it('reads view modifiers nested in the view item, SCT and legacy alike', () => {
    const mag = imageAttributesFromDicomJson(hologicStyle('R', 'CC', { sop: '1.1', modifiers: [MODIFIER.magnification, MODIFIER.spotLegacy] }));
    expect(mag.viewModifiers).toEqual(['M', 'S']);
    const id = imageAttributesFromDicomJson(siemensStyle('L', 'MLO', { sop: '1.2', modifiers: [MODIFIER.implantDisplacedLegacy] }));
    expect(id.viewModifiers).toEqual(['ID']);
  });

  it('marks an unknown modifier as OTHER and reads a misplaced top-level modifier sequence', () => {
    const unknown = imageAttributesFromDicomJson(hologicStyle('R', 'CC', { sop: '1.1', modifiers: [{ value: 'X1', scheme: '99V', meaning: 'Mag' }] }));
    expect(unknown.viewModifiers).toEqual(['OTHER']);
    const ds = hologicStyle('R', 'CC', { sop: '1.2' });
    ds[Tag.ViewModifierCodeSequence] = { vr: 'SQ', Value: [{ [Tag.CodeValue]: { Value: ['399163009'] }, [Tag.CodingSchemeDesignator]: { Value: ['SCT'] } }] };
    expect(imageAttributesFromDicomJson(ds).viewModifiers).toEqual(['M']);
  });

  it('reads PatientOrientation written as one value, and rejects letters that are not directions', () => {
    const joined = instance({ sop: '1.1' });
    joined[Tag.PatientOrientation] = { vr: 'CS', Value: ['P\\FL'] };
    expect(imageAttributesFromDicomJson(joined).patientOrientation).toEqual(['P', 'FL']);
    expect(imageAttributesFromDicomJson(instance({ sop: '1.2', orientation: ['X', 'Y'] })).patientOrientation).toBeUndefined();
  });

  it('drops zero spacing (as in the NEMA RG1 chest) and reads DS values written as strings', () => {
    const ds = instance({ sop: '1.1', modality: 'CR' });
    ds[Tag.PixelSpacing] = { vr: 'DS', Value: ['0.000', '0.000'] };
    ds[Tag.ImagerPixelSpacing] = { vr: 'DS', Value: ['0.168', '0.168'] };
    const a = imageAttributesFromDicomJson(ds);
    expect(a.pixelSpacing).toBeUndefined();
    expect(a.imagerPixelSpacing).toEqual([0.168, 0.168]);
  });

  it('leaves absent tags undefined and lists empty', () => {
    const a = imageAttributesFromDicomJson({ [Tag.SOPInstanceUID]: { vr: 'UI', Value: ['1.9'] } });
    expect(a).toEqual({ sopInstanceUID: '1.9', seriesInstanceUID: '', studyInstanceUID: '', viewModifiers: [], imageType: [], sourceImageUIDs: [] });
  });

  it('refuses an instance without a SOP Instance UID', () => {
    expect(() => imageAttributesFromDicomJson({})).toThrow(/SOPInstanceUID/);
  });

  it('reads chest views from ViewPosition (CR) and from CID 4010 codes (DX)', () => {
    const cr = imageAttributesFromDicomJson(instance({ sop: '1.1', modality: 'CR', sopClass: SOP.cr, viewPosition: 'PA', bodyPart: 'CHEST' }));
    expect(cr).toMatchObject({ view: 'PA', bodyPartExamined: 'CHEST', modality: 'CR' });
    const dx = imageAttributesFromDicomJson(instance({ sop: '1.2', modality: 'DX', viewCode: { value: '399173006', scheme: 'SCT', meaning: 'left lateral' } }));
    expect(dx.view).toBe('LL');
  });
});
