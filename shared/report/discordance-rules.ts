import { z } from 'zod';
import { BIRADS_ASSESSMENTS, type BiRadsAssessment } from './birads-lexicon';
import { ChestFindingState } from './chest-report';

/**
 * How the reader's call maps onto the AI's binary call at its operating point. Clinical
 * configuration, so it is data checked against this schema, not code.
 */
export const ReaderCall = z.enum(['positive', 'negative', 'not-compared']);
export type ReaderCall = z.infer<typeof ReaderCall>;

export const DiscordanceRules = z.object({
  version: z.literal(1),
  /** Mammography, per breast: what each BI-RADS assessment means (positive = recall). */
  mammography: z.object({
    assessment: z.record(z.enum(BIRADS_ASSESSMENTS as [string, ...string[]]), ReaderCall),
  }),
  /** Chest X-ray, per finding: what each checklist state means. */
  chest: z.object({
    state: z.record(ChestFindingState, ReaderCall),
  }),
});
export type DiscordanceRules = z.infer<typeof DiscordanceRules>;

/** Screening practice: BI-RADS 0/3/4/5 is a recall; 6 (known cancer) is not screening, so not compared. */
export const DEFAULT_DISCORDANCE_RULES: DiscordanceRules = DiscordanceRules.parse({
  version: 1,
  mammography: {
    assessment: Object.fromEntries(
      BIRADS_ASSESSMENTS.map((a): [BiRadsAssessment, ReaderCall] => {
        const category = Number.parseInt(a, 10);
        return [a, category === 6 ? 'not-compared' : [0, 3, 4, 5].includes(category) ? 'positive' : 'negative'];
      }),
    ),
  },
  // An uncertain finding counts as positive: the reader wanted a second look, as the AI did.
  chest: { state: { present: 'positive', absent: 'negative', uncertain: 'positive' } },
});
