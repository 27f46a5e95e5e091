import { z } from 'zod';
import { PackManifest } from './manifest';

/** A pack the store has verified and installed, as the UI lists it. */
export const InstalledPack = z.object({
  manifest: PackManifest,
  /** Shipped with the app (cannot be removed). */
  builtIn: z.boolean(),
  /** The trusted key's name when the pack carried a valid signature; absent when unsigned. */
  signedBy: z.string().optional(),
  installedAt: z.string(),
  sizeBytes: z.number().int().min(0),
  notForClinicalUse: z.boolean(),
});
export type InstalledPack = z.infer<typeof InstalledPack>;

/** A pack on disk that failed verification when the store loaded it. */
export const RefusedPack = z.object({ location: z.string(), reason: z.string() });
export type RefusedPack = z.infer<typeof RefusedPack>;
