import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StudyAiResult } from '../../../shared/domain/ai-result';
import { AiPanel } from './AiPanel';
import type { ModelCardView } from './modelCardView';

const result: StudyAiResult = {
  studyInstanceUid: '1.2',
  pack: { id: 'mass', version: '1.0.0', task: 'mammography-lesion', name: 'Mass-like densities', notForClinicalUse: true },
  backend: 'webgpu',
  durationMs: 2440,
  computedAt: '2026-01-01T00:00:00Z',
  operatingPoint: { name: 'screening', threshold: 0.4, sensitivity: 0.8, specificity: 0.6 },
  views: [
    { studyInstanceUid: '1.2', seriesInstanceUid: '3', sopInstanceUid: 'a', laterality: 'R', view: 'CC', scores: { mass: 0.71 }, marks: [] },
    { studyInstanceUid: '1.2', seriesInstanceUid: '3', sopInstanceUid: 'b', laterality: 'L', view: 'CC', scores: { mass: 0.12 }, marks: [] },
  ],
  breasts: [
    { laterality: 'R', scores: { mass: 0.71 }, positive: true },
    { laterality: 'L', scores: { mass: 0.12 }, positive: false },
  ],
  findings: [],
  study: { scores: { mass: 0.71 }, positive: true },
};

const card: ModelCardView = {
  packId: 'mass',
  version: '1.0.0',
  name: 'Mass-like densities',
  task: 'mammography-lesion',
  description: 'Difference of Gaussians blob detector as an ONNX graph',
  intendedUse: 'Demonstration',
  trainingData: 'None: hand-set filters',
  metrics: [{ name: 'overlap with GMIC masks (Dice)', value: '0.210 (n = 2)' }],
  clinicalStatus: 'Not for clinical use (demonstration)',
  licence: 'MIT',
  limitations: [],
  notForClinicalUse: true,
};

describe('AiPanel', () => {
  const html = renderToStaticMarkup(createElement(AiPanel, { result, card }));

  it('shows per-view, per-breast and study scores with the category at the operating point', () => {
    expect(html).toContain('R CC');
    expect(html).toContain('0.71');
    expect(html).toContain('0.12');
    expect(html.match(/data-testid="ai-breast-scores-row"/g)).toHaveLength(2);
    expect(html).toContain('data-category="positive"');
    expect(html).toContain('screening ≥ 0.40');
  });

  it('says which backend ran and how long it took', () => {
    expect(html).toContain('data-backend="webgpu"');
    expect(html).toContain('WebGPU · 2.4 s');
  });

  it('labels an unvalidated pack "not for clinical use" and shows its card', () => {
    expect(html).toContain('NOT FOR CLINICAL USE');
    expect(html).toContain('Difference of Gaussians blob detector');
    expect(html).toContain('0.210 (n = 2)');
  });
});
