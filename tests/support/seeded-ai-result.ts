import type { StudyAiResult } from '../../shared/domain/ai-result';
import type { FixtureStudy } from '../../scripts/fixtures/manifest';

/**
 * An AI result for a fixture mammography study, shaped exactly as the inference service's
 * StudyAiResult, with the recall decision per breast chosen by the test (the "seeded
 * discordance"). Each view carries a small heatmap peaking at a known cell and, for a recalled
 * breast, one mark.
 */
export function seededMammoAiResult(study: FixtureStudy, recall: { R: boolean; L: boolean }): StudyAiResult {
  const heat = Array.from({ length: 64 }, (_, i) => (i === 27 ? 255 : i % 7 === 0 ? 60 : 10));
  return {
    studyInstanceUid: study.studyInstanceUID,
    pack: { id: 'seeded-test-pack', version: '0.0.1', task: 'mammo-screening', name: 'Seeded test result', notForClinicalUse: true },
    backend: 'node-cpu',
    durationMs: 1,
    computedAt: new Date(0).toISOString(),
    operatingPoint: { name: 'balanced', threshold: 0.5, sensitivity: 0.85, specificity: 0.8 },
    views: study.instances
      .filter((i) => i.laterality === 'R' || i.laterality === 'L')
      .map((i) => ({
        studyInstanceUid: study.studyInstanceUID,
        seriesInstanceUid: i.seriesInstanceUID,
        sopInstanceUid: i.sopInstanceUID,
        laterality: i.laterality,
        view: i.view,
        scores: { malignancy: recall[i.laterality!] ? 0.81 : 0.12 },
        heatmap: { width: 8, height: 8, data: Buffer.from(heat).toString('base64'), source: 'cam' as const, label: 'malignancy' },
        marks: recall[i.laterality!] ? [{ label: 'malignancy', score: 0.81, polygon: [200, 200, 400, 200, 400, 380, 200, 380] }] : [],
      })),
    breasts: (['R', 'L'] as const).map((laterality) => ({ laterality, scores: { malignancy: recall[laterality] ? 0.81 : 0.12 }, positive: recall[laterality] })),
    findings: [],
    study: { scores: { malignancy: 0.81 }, positive: recall.R || recall.L },
  };
}
