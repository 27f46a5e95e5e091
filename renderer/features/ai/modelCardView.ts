/**
 * What the UI shows of a pack's model card. Filled from the pack's manifest (see packCard.ts);
 * kept separate so the panel and the settings list render the same thing.
 */
export interface ModelCardView {
  packId: string;
  version: string;
  name: string;
  task: string;
  /** Exactly what the model is (architecture or algorithm). */
  description: string;
  intendedUse: string;
  trainingData: string;
  validationData?: string;
  /** Measured accuracy, as the card states it: name, value, and on what data. */
  metrics: Array<{ name: string; value: string; dataset?: string }>;
  clinicalStatus: string;
  limitations: string[];
  licence: string;
  /** True for every pack whose clinical status is not a validated clearance. */
  notForClinicalUse: boolean;
}
