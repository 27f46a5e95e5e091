import type { PackManifest } from '../../../shared/models/manifest';
import type { ModelCardView } from './modelCardView';

const STATUS: Record<PackManifest['card']['clinicalStatus'], string> = {
  'not-for-clinical-use': 'Not for clinical use (demonstration)',
  research: 'Research use only, not validated for clinical use',
  cleared: 'Cleared for clinical use',
};

/** "0.712 (n = 37)": a metric's number with how much data is behind it. */
function formatMetric(value: number, n: number | undefined): string {
  const number = Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3);
  return n === undefined ? number : `${number} (n = ${n})`;
}

/** The card the UI shows for a pack, from its manifest. */
export function packCard(manifest: PackManifest, notForClinicalUse: boolean): ModelCardView {
  const { card } = manifest;
  return {
    packId: manifest.id,
    version: manifest.version,
    name: manifest.name,
    task: manifest.task,
    description: card.description,
    intendedUse: card.intendedUse,
    trainingData: card.trainingData,
    validationData: card.validation.data,
    metrics: card.validation.metrics.map((m) => ({ name: m.name, value: formatMetric(m.value, m.n), dataset: m.note })),
    clinicalStatus: card.regulatory ? `${STATUS[card.clinicalStatus]}: ${card.regulatory}` : STATUS[card.clinicalStatus],
    licence: card.licence,
    limitations: card.limitations,
    notForClinicalUse,
  };
}
