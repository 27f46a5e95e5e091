import { z } from 'zod';

/** Which transport carries the contract in this launch. */
export const TransportKind = z.enum(['electron', 'loopback']);

export const SystemInfo = z.object({
  appName: z.string(),
  appVersion: z.string(),
  transport: TransportKind,
  platform: z.string(),
  arch: z.string(),
  nodeVersion: z.string(),
  electronVersion: z.string().optional(),
  cpuCount: z.number().int(),
  totalMemoryBytes: z.number(),
  /** Where the archive, settings and logs live. */
  dataDirectory: z.string(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;
