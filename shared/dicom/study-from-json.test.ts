import { describe, expect, it } from 'vitest';
import { formatPersonName } from './dicom-json';
import { groupIntoSeries, studySummaryFromJson } from './study-from-json';

const qidoStudy = {
  '0020000D': { vr: 'UI', Value: ['1.2.3'] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'IVANOVA^MARIA' }] },
  '00100020': { vr: 'LO', Value: ['P-77'] },
  '00080020': { vr: 'DA', Value: ['20251103'] },
  '00080061': { vr: 'CS', Value: ['MG', 'SR'] },
  '00081030': { vr: 'LO', Value: ['MAMMOGRAPHY SCREENING'] },
  '00201208': { vr: 'IS', Value: [4] },
  '00080050': { vr: 'SH' },
};

describe('studySummaryFromJson', () => {
  it('reads a QIDO-RS study result into a worklist row', () => {
    expect(studySummaryFromJson(qidoStudy, 'pacs')).toEqual({
      sourceId: 'pacs',
      studyInstanceUID: '1.2.3',
      patientName: 'IVANOVA^MARIA',
      patientID: 'P-77',
      patientBirthDate: undefined,
      patientSex: undefined,
      studyDate: '20251103',
      studyTime: undefined,
      accessionNumber: undefined,
      studyDescription: 'MAMMOGRAPHY SCREENING',
      modalitiesInStudy: ['MG', 'SR'],
      numberOfStudyRelatedInstances: 4,
    });
  });

  it('refuses a result without a Study Instance UID', () => {
    expect(() => studySummaryFromJson({}, 'pacs')).toThrow(/StudyInstanceUID/);
  });
});

describe('groupIntoSeries', () => {
  it('groups instances by series and orders both by their numbers', () => {
    const inst = (series: string, sop: string, seriesNo: number, instNo: number, lat: string) => ({
      '0020000E': { Value: [series] },
      '00080018': { Value: [sop] },
      '00080060': { Value: ['MG'] },
      '00200011': { Value: [seriesNo] },
      '00200013': { Value: [instNo] },
      '00200062': { Value: [lat] },
    });
    const series = groupIntoSeries([inst('2', '2.2', 2, 2, 'L'), inst('1', '1.1', 1, 1, 'R'), inst('2', '2.1', 2, 1, 'L')]);
    expect(series.map((s) => s.seriesInstanceUID)).toEqual(['1', '2']);
    expect(series[1]!.instances.map((i) => i.sopInstanceUID)).toEqual(['2.1', '2.2']);
    expect(series[1]!.instances[0]!.imageLaterality).toBe('L');
  });
});

describe('formatPersonName', () => {
  it('shows family name first, then given names', () => {
    expect(formatPersonName('IVANOVA^MARIA^PETROVNA')).toBe('IVANOVA, MARIA PETROVNA');
    expect(formatPersonName('DOE')).toBe('DOE');
  });
});
