import { z } from 'zod';
import { StudyAiResult } from '../domain/ai-result';
import { Comparison } from './discordance';
import { ImagePoint } from './mammo-report';
import { ReaderReport } from './reader-report';
import { ReadingAction, ReadingState } from './reading-state';

/** The reader's verdict on one AI finding (a breast, a chest finding or a mark on an image). */
export const AiFeedback = z.object({
  /** A comparison id (`breast:R`, `finding:pneumothorax`) or `mark:<view sop>:<n>`. */
  targetId: z.string().min(1).max(200),
  verdict: z.enum(['agree', 'disagree', 'false-positive']),
  /** Where the reader marked the AI's false positive on an image. */
  point: ImagePoint.optional(),
  note: z.string().max(500).optional(),
});
export type AiFeedback = z.infer<typeof AiFeedback>;

/** Who signs: the reader's name as it goes into the SR's observer context. */
export const ReaderName = z.string().trim().min(1).max(64);

export const Signature = z.object({ by: z.string(), at: z.string() });

export const ReadingKind = z.enum(['mammo', 'chest']);
export type ReadingKind = z.infer<typeof ReadingKind>;

/**
 * One study's double reading as the renderer sees it. `ai` and `comparisons` are present only
 * once the AI is revealed: before the first read is signed the service has not even fetched them.
 */
export const ReadingSession = z.object({
  studyInstanceUID: z.string(),
  sourceId: z.string(),
  kind: ReadingKind,
  state: ReadingState,
  /** Bumped on every change; a save carrying an older revision is refused (two windows). */
  revision: z.number().int().nonnegative(),
  /** The report being written (the first read), then the final one. */
  report: ReaderReport,
  firstRead: z.object({ report: ReaderReport, signed: Signature }).optional(),
  final: z
    .object({
      decision: z.enum(['confirm', 'revise', 'without-ai']),
      reason: z.string().optional(),
      report: ReaderReport,
      signed: Signature,
    })
    .optional(),
  ai: StudyAiResult.optional(),
  comparisons: z.array(Comparison).optional(),
  feedback: z.array(AiFeedback).default([]),
  outbox: z.object({ profileId: z.string(), itemIds: z.array(z.string()) }).optional(),
  updatedAt: z.string(),
});
export type ReadingSession = z.infer<typeof ReadingSession>;

/** One line of the append-only audit log: who did what, when, from which state to which. */
export const AuditEntry = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string(),
  who: z.string(),
  studyInstanceUID: z.string(),
  action: ReadingAction,
  from: ReadingState,
  to: ReadingState,
  /** What changed, in words; never patient identity. */
  detail: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const FinalDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm') }),
  z.object({ decision: z.literal('revise'), reason: z.string().trim().min(3, 'State why the first read is revised.').max(2000), report: ReaderReport }),
  z.object({ decision: z.literal('without-ai'), reason: z.string().trim().min(3, 'State why the report is final without the AI read.').max(2000) }),
]);
export type FinalDecision = z.infer<typeof FinalDecision>;
export type FinalDecisionInput = z.input<typeof FinalDecision>;

/** That a study's reading moved (pushed as `readingChanged`): no report text and no AI result, only where it stands. */
export const ReadingChange = z.object({ studyInstanceUID: z.string(), state: ReadingState, revision: z.number().int().min(0) });
export type ReadingChange = z.infer<typeof ReadingChange>;
