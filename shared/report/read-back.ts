import { z } from 'zod';
import { ReaderReport } from './reader-report';

/** A signed report found in the PACS as an SR object, decoded. */
export const ReadBackReport = z.object({
  sopInstanceUID: z.string(),
  seriesInstanceUID: z.string(),
  verified: z.boolean(),
  observer: z.string().optional(),
  contentDateTime: z.string().optional(),
  report: ReaderReport,
  /** Why the first read was revised, when it was. */
  revisionReason: z.string().optional(),
});
export type ReadBackReport = z.infer<typeof ReadBackReport>;

/** An AI finding from a CAD SR in the PACS, with the reader's feedback on it. */
export const ReadBackCadFinding = z.object({
  target: z.string(),
  positive: z.boolean(),
  certaintyPercent: z.number().optional(),
  feedback: z.string().optional(),
  /** Where the reader marked the AI's false positive. */
  falsePositiveMark: z.object({ sopInstanceUID: z.string(), column: z.number(), row: z.number() }).optional(),
});

export const ReadBackCad = z.object({
  sopInstanceUID: z.string(),
  kind: z.enum(['mammo', 'chest']),
  algorithmName: z.string(),
  algorithmVersion: z.string(),
  operatingPoint: z.number().optional(),
  findings: z.array(ReadBackCadFinding),
});
export type ReadBackCad = z.infer<typeof ReadBackCad>;

/** What another workstation shows for a study read elsewhere: the signed reports and the AI's reads. */
export const ReadBack = z.object({
  studyInstanceUID: z.string(),
  reports: z.array(ReadBackReport),
  cad: z.array(ReadBackCad),
  /** SR objects that could not be decoded, with the reason (shown, never silently dropped). */
  unreadable: z.array(z.object({ sopInstanceUID: z.string(), reason: z.string() })),
});
export type ReadBack = z.infer<typeof ReadBack>;
