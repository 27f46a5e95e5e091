import { z } from 'zod';

/**
 * The 12 findings that chest X-ray AI products report (and that the reader's chest template
 * checks). Model packs map their output labels onto these ids; discordance is computed per id.
 */
export const CHEST_FINDING_IDS = [
  'nodule-mass',
  'infiltrate-consolidation',
  'pleural-effusion',
  'pneumothorax',
  'atelectasis',
  'cardiomegaly',
  'fracture',
  'hilar-enlargement',
  'emphysema',
  'fibrosis',
  'cavity',
  'calcification',
] as const;

export const ChestFindingId = z.enum(CHEST_FINDING_IDS);
export type ChestFindingId = z.infer<typeof ChestFindingId>;
