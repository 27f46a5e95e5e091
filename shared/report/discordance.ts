import { z } from 'zod';
import type { StudyAiResult } from '../domain/ai-result';
import { CHEST_FINDING_IDS, ChestFindingId } from '../domain/chest-findings';
import type { ReaderReport } from './reader-report';
import type { DiscordanceRules, ReaderCall } from './discordance-rules';

/** One comparison of the reader's call with the AI's, for a breast or a chest finding. */
export const Comparison = z.object({
  /** `breast:R`, `breast:L` or `finding:<chest finding id>`; feedback refers to it. */
  id: z.string(),
  scope: z.enum(['breast', 'chest-finding']),
  laterality: z.enum(['R', 'L']).optional(),
  finding: ChestFindingId.optional(),
  /** What the reader wrote: a BI-RADS assessment or a checklist state. */
  readerValue: z.string(),
  readerCall: z.enum(['positive', 'negative', 'not-compared']),
  aiPositive: z.boolean(),
  aiScore: z.number().optional(),
  /** `ai-only`: the AI flags what the reader did not; `reader-only`: the reverse. */
  outcome: z.enum(['concordant', 'ai-only', 'reader-only', 'not-compared']),
});
export type Comparison = z.infer<typeof Comparison>;

function outcomeOf(reader: ReaderCall, aiPositive: boolean): Comparison['outcome'] {
  if (reader === 'not-compared') return 'not-compared';
  if ((reader === 'positive') === aiPositive) return 'concordant';
  return aiPositive ? 'ai-only' : 'reader-only';
}

/**
 * Compares a signed first read with the AI result under the rules: mammography per breast
 * (the breast's BI-RADS assessment against `BreastResult.positive`), chest per finding.
 * Items the AI did not report are left out; the caller lists those as "not assessed by the AI".
 */
export function compareWithAi(report: ReaderReport, ai: StudyAiResult, rules: DiscordanceRules): Comparison[] {
  if (report.kind === 'mammo') {
    return ai.breasts.flatMap((breast): Comparison[] => {
      const assessment = report.breasts[breast.laterality].assessment;
      if (!assessment) return [];
      const readerCall = rules.mammography.assessment[assessment] ?? 'not-compared';
      const score = Object.values(breast.scores)[0];
      return [
        {
          id: `breast:${breast.laterality}`,
          scope: 'breast',
          laterality: breast.laterality,
          readerValue: assessment,
          readerCall,
          aiPositive: breast.positive,
          aiScore: score,
          outcome: outcomeOf(readerCall, breast.positive),
        },
      ];
    });
  }
  return CHEST_FINDING_IDS.flatMap((id): Comparison[] => {
    const aiFinding = ai.findings.find((f) => f.finding === id);
    const state = report.findings[id];
    if (!aiFinding || !state) return [];
    const readerCall = rules.chest.state[state] ?? 'not-compared';
    return [
      {
        id: `finding:${id}`,
        scope: 'chest-finding',
        finding: id,
        readerValue: state,
        readerCall,
        aiPositive: aiFinding.positive,
        aiScore: aiFinding.score,
        outcome: outcomeOf(readerCall, aiFinding.positive),
      },
    ];
  });
}

export function isDiscordant(c: Comparison): boolean {
  return c.outcome === 'ai-only' || c.outcome === 'reader-only';
}
