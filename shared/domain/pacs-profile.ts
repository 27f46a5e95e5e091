import { z } from 'zod';

/**
 * How Tandem authenticates to a PACS. Secrets are never part of a profile as the renderer sees it:
 * the renderer sends them once, the services keep them in the secret store.
 */
export const PacsAuthKind = z.enum(['none', 'basic', 'bearer']);
export type PacsAuthKind = z.infer<typeof PacsAuthKind>;

const HttpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');

/** A DICOMweb server as stored in settings. */
export const PacsProfile = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes'),
  name: z.string().min(1).max(80),
  qidoUrl: HttpUrl,
  wadoUrl: HttpUrl,
  stowUrl: HttpUrl,
  auth: PacsAuthKind,
  username: z.string().max(128).optional(),
  /** PEM of an extra CA to trust for this server only. */
  caCertificatePem: z.string().max(20_000).optional(),
  timeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
  /** True when a password or token is held in the secret store for this profile. */
  hasSecret: z.boolean().default(false),
});
export type PacsProfile = z.infer<typeof PacsProfile>;

/** What the renderer sends to create or update a profile; the secret, if any, travels once. */
export const PacsProfileInput = PacsProfile.omit({ hasSecret: true }).extend({
  /** Password (basic) or token (bearer). Absent keeps the stored one; empty string clears it. */
  secret: z.string().max(4096).optional(),
});
export type PacsProfileInput = z.input<typeof PacsProfileInput>;

/** One line of diagnosis from "Test connection". */
export const ConnectionDiagnosis = z.object({
  ok: z.boolean(),
  code: z.string(),
  message: z.string(),
  latencyMs: z.number().optional(),
});
export type ConnectionDiagnosis = z.infer<typeof ConnectionDiagnosis>;
