import { z } from 'zod';

/** Whether a PACS answered its last reachability check. */
export const PacsReachability = z.object({
  profileId: z.string(),
  state: z.enum(['online', 'offline', 'unknown']),
  /** ISO time of the last check. */
  checkedAt: z.string().optional(),
  /** The diagnosis when offline, in the user's terms. */
  message: z.string().optional(),
});
export type PacsReachability = z.infer<typeof PacsReachability>;
