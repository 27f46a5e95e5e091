import { z } from 'zod';

/** A public key whose Ed25519 signatures on model packs the user trusts (kept in settings). */
export const TrustedModelKey = z
  .object({
    /** The `keyId` a pack's signature.json names. */
    id: z.string().min(1).max(120),
    /** Who holds the private key, as the user should see it. */
    name: z.string().min(1).max(200),
    /** The raw 32-byte Ed25519 public key, base64. */
    publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of a 32-byte Ed25519 public key'),
  })
  .strict();
export type TrustedModelKey = z.infer<typeof TrustedModelKey>;

/** The user's backend choice: `auto` lets calibration pick. */
export const BackendPreference = z.enum(['auto', 'webgpu', 'node-cpu', 'wasm']);
export type BackendPreference = z.infer<typeof BackendPreference>;
