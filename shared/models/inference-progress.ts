import { z } from 'zod';
import { ErrorData } from '../ipc/errors';

/**
 * Progress of one inference job. It never carries scores: results are read with
 * `inference.getResult`, which the reading session's reveal policy gates.
 */
export const InferenceProgress = z.object({
  jobId: z.string(),
  studyInstanceUid: z.string(),
  packId: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  viewsDone: z.number().int().min(0),
  viewsTotal: z.number().int().min(0),
  /** Why it failed (failed state only). */
  error: ErrorData.optional(),
});
export type InferenceProgress = z.infer<typeof InferenceProgress>;

export const InferenceJob = z.object({ jobId: z.string(), packId: z.string(), cached: z.boolean() });
export type InferenceJob = z.infer<typeof InferenceJob>;

/** What a native-backend timing asks for: how many timed runs, and whether to warm up first. */
export const NodeTimingRequest = z.object({ runs: z.number().int().min(1).max(50), warmUp: z.boolean() });
export type NodeTimingRequest = z.infer<typeof NodeTimingRequest>;

/** Native-backend timing: milliseconds per view of each run, and their median, on this machine. */
export const NodeCalibration = z.object({
  packId: z.string(),
  msPerView: z.number().min(0),
  runs: z.number().int().positive(),
  samples: z.array(z.number().min(0)),
});
export type NodeCalibration = z.infer<typeof NodeCalibration>;
