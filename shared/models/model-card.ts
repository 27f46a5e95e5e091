import { z } from 'zod';

/** One measured number on the card, with what it was measured on. */
export const CardMetric = z
  .object({
    name: z.string().min(1),
    value: z.number(),
    /** Number of images, exams or lesions behind the number. */
    n: z.number().int().positive().optional(),
    note: z.string().optional(),
  })
  .strict();
export type CardMetric = z.infer<typeof CardMetric>;

/**
 * What a user must know before trusting a pack: what it is, what it was trained and validated
 * on, how accurate it measured, and whether it may be used clinically.
 */
export const ModelCard = z
  .object({
    /** Exactly what the model is (architecture or algorithm). */
    description: z.string().min(1),
    intendedUse: z.string().min(1),
    trainingData: z.string().min(1),
    validation: z
      .object({
        data: z.string().min(1),
        metrics: z.array(CardMetric),
        /** The script or procedure that produced the metrics (e.g. `models/scripts/measure-chest.ts`). */
        measuredBy: z.string().optional(),
      })
      .strict(),
    /**
     * `not-for-clinical-use`: research or demonstration only; `cleared`: the vendor states a
     * regulatory clearance in `regulatory`. Anything but `cleared` is labelled not for clinical use.
     */
    clinicalStatus: z.enum(['not-for-clinical-use', 'research', 'cleared']),
    regulatory: z.string().optional(),
    licence: z.string().min(1),
    authors: z.string().optional(),
    references: z.array(z.string()).default([]),
    limitations: z.array(z.string()).default([]),
  })
  .strict();
export type ModelCard = z.infer<typeof ModelCard>;
