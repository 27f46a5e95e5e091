import type { StudyAiResult } from '../../../../shared/domain/ai-result';
import type { SourceImage, StudyContext } from '../../../../shared/dicom/sr/study-context';
import type { ChestReport } from '../../../../shared/report/chest-report';
import type { MammoReport } from '../../../../shared/report/mammo-report';
import type { ReadingSession } from '../../../../shared/report/reading-session';

/**
 * Sample reads for the reading tests: a complete BI-RADS report, a complete chest checklist and
 * AI results shaped as the inference service produces them. Test support only.
 */
export const STUDY = '1.2.826.0.1.3680043.8.498.10001';
const SERIES = '1.2.826.0.1.3680043.8.498.10001.1';
const MG = '1.2.840.10008.5.1.4.1.1.1.2';
const views: Array<[string, 'R' | 'L', string]> = [
  ['1.2.826.0.1.3680043.8.498.10001.1.1', 'R', 'CC'],
  ['1.2.826.0.1.3680043.8.498.10001.1.2', 'L', 'CC'],
  ['1.2.826.0.1.3680043.8.498.10001.1.3', 'R', 'MLO'],
  ['1.2.826.0.1.3680043.8.498.10001.1.4', 'L', 'MLO'],
];
export const MAMMO_IMAGES: SourceImage[] = views.map(([sop, laterality, view]) => ({ sopClassUID: MG, sopInstanceUID: sop, seriesInstanceUID: SERIES, laterality, view, rows: 400, columns: 300 }));

export function sampleContext(images: SourceImage[] = MAMMO_IMAGES, study = STUDY): StudyContext {
  return {
    patient: { PatientName: 'Иванова^Мария', PatientID: 'TANDEM-READ-1', PatientBirthDate: '19650304', PatientSex: 'F' },
    study: { StudyInstanceUID: study, StudyDate: '20240315', StudyTime: '101500', AccessionNumber: 'ACC1', ReferringPhysicianName: '', StudyID: '1' },
    images,
  };
}

export function mammoReport(language: 'en' | 'ru' = 'en'): MammoReport {
  return {
    kind: 'mammo',
    language,
    composition: 'c',
    breasts: {
      R: {
        findings: [
          {
            id: 'f1',
            type: 'mass',
            mass: { shape: 'irregular', margin: 'spiculated', density: 'high' },
            location: { clock: 10, depth: 'middle', distanceFromNippleCm: 4.5, point: { seriesInstanceUID: SERIES, sopInstanceUID: views[0]![0], column: 120.5, row: 80.25 } },
            associatedFeatures: ['skin-thickening'],
          },
          { id: 'f2', type: 'calcification', calcification: { morphology: 'rim', distribution: 'grouped' }, location: { clock: 'subareolar' }, associatedFeatures: [] },
        ],
        assessment: '4B',
      },
      L: { findings: [], assessment: '1' },
    },
    overallAssessment: '4B',
    management: 'tissue-diagnosis',
    comment: language === 'ru' ? 'Сравнение с предыдущими снимками.' : 'Compared with priors.',
  };
}

export function chestReport(language: 'en' | 'ru' = 'en'): ChestReport {
  return {
    kind: 'chest',
    language,
    findings: {
      'nodule-mass': 'absent', 'infiltrate-consolidation': 'absent', 'pleural-effusion': 'present', pneumothorax: 'absent', atelectasis: 'uncertain', cardiomegaly: 'present',
      fracture: 'absent', 'hilar-enlargement': 'absent', emphysema: 'absent', fibrosis: 'absent', cavity: 'absent', calcification: 'absent',
    },
    impression: language === 'ru' ? 'Кардиомегалия, правосторонний выпот.' : 'Cardiomegaly with a right pleural effusion.',
    freeText: '',
  };
}

/** A 4×4 heatmap, strongest in one corner cell. */
const HEATMAP = { width: 4, height: 4, data: btoa(String.fromCharCode(...Array.from({ length: 16 }, (_, i) => (i === 5 ? 255 : 20)))), source: 'cam' as const, label: 'malignancy' };

/** The AI recalls the LEFT breast (the reader called it BI-RADS 1) and agrees on the right. */
export function mammoAi(study = STUDY): StudyAiResult {
  return {
    studyInstanceUid: study,
    pack: { id: 'sample-mammo', version: '1.0.0', task: 'mammo-screening', name: 'Sample mammography model', notForClinicalUse: true },
    backend: 'node-cpu',
    durationMs: 1234,
    computedAt: '2024-03-15T10:20:00.000Z',
    operatingPoint: { name: 'balanced', threshold: 0.4, sensitivity: 0.85, specificity: 0.8 },
    views: MAMMO_IMAGES.map((i) => ({
      studyInstanceUid: study,
      seriesInstanceUid: i.seriesInstanceUID,
      sopInstanceUid: i.sopInstanceUID,
      laterality: i.laterality,
      view: i.view,
      scores: { malignancy: i.laterality === 'L' ? 0.71 : 0.55 },
      heatmap: HEATMAP,
      marks: i.laterality === 'L' ? [{ label: 'malignancy', score: 0.71, polygon: [100, 100, 140, 100, 140, 150] }] : [],
    })),
    breasts: [
      { laterality: 'R', scores: { malignancy: 0.55 }, positive: true },
      { laterality: 'L', scores: { malignancy: 0.71 }, positive: true },
    ],
    findings: [],
    study: { scores: { malignancy: 0.71 }, positive: true },
  };
}

export function finalSession(overrides: Partial<ReadingSession> = {}): ReadingSession {
  const report = mammoReport();
  const signed = { by: 'Petrova Anna', at: '2024-03-15T11:00:00.000Z' };
  return {
    studyInstanceUID: STUDY,
    sourceId: 'orthanc',
    kind: 'mammo',
    state: 'final',
    revision: 7,
    report,
    firstRead: { report, signed },
    final: { decision: 'revise', reason: 'The AI mark on the left MLO is a lymph node; no change.', report, signed },
    ai: mammoAi(),
    feedback: [{ targetId: 'breast:L', verdict: 'false-positive', point: { seriesInstanceUID: SERIES, sopInstanceUID: views[3]![0], column: 120, row: 116 } }],
    updatedAt: signed.at,
    ...overrides,
  };
}
