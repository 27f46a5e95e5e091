import { z } from 'zod';
import { BackendPreference, TrustedModelKey } from '../models/trusted-key';
import { BackendCalibration } from './backend-calibration';
import { PacsProfile } from './pacs-profile';
import { LOCAL_SOURCE_ID, SourceId } from './study';

export const Language = z.enum(['en', 'ru']);
export type Language = z.infer<typeof Language>;

/** Everything a user can change that survives a restart. */
export const Settings = z.object({
  language: Language.default('en'),
  /** The worklist's source: the local archive or a PACS profile id. */
  activeSourceId: SourceId.default(LOCAL_SOURCE_ID),
  pacsProfiles: z.array(PacsProfile).default([]),
  /** Disk the local archive may use, in GiB; the least recently used studies go beyond it. */
  archiveBudgetGiB: z.number().min(1).max(100_000).default(50),
  /** Public keys whose signatures on model packs are trusted. */
  trustedModelKeys: z.array(TrustedModelKey).default([]),
  /** Inference backend: `auto` follows calibration; the user may force one. */
  inferenceBackend: BackendPreference.default('auto'),
  /** First-use calibration per pack version (packId@version), measured on this machine. */
  inferenceCalibration: z.record(z.string(), BackendCalibration).optional(),
});
export type Settings = z.infer<typeof Settings>;

/** The parts of settings the renderer may change directly (profiles have their own calls). */
export const SettingsPatch = z
  .object({
    language: Language,
    activeSourceId: SourceId,
    archiveBudgetGiB: z.number().min(1).max(100_000),
    trustedModelKeys: z.array(TrustedModelKey),
    inferenceBackend: BackendPreference,
    inferenceCalibration: z.record(z.string(), BackendCalibration),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
