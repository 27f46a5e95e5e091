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

/** Native-backend calibration: the median milliseconds per view on this machine. */
export const NodeCalibration = z.object({ packId: z.string(), msPerView: z.number().min(0), runs: z.number().int().positive() });
export type NodeCalibration = z.infer<typeof NodeCalibration>;
