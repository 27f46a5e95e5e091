import { naturalizedInstance } from '../naturalizedInstance';
import { isLossy } from './imageQuality';
import { patientAgeAtStudy } from './patientAge';
import { overlayView } from './overlayView';

/** What a reading viewport writes in its corners. */
export interface ViewportOverlayInfo {
  /** R, L or B. */
  laterality?: string;
  /** View with modifiers: CC, MLO, MCC, PA... */
  view?: string;
  /** Age at the study date: "58 y". */
  patientAge?: string;
  /** Study Date as DA (YYYYMMDD). */
  studyDate?: string;
  /** Whether this is the study being read or a prior for comparison. */
  role?: 'current' | 'prior';
  /** The pixels were lossy compressed (Lossy Image Compression 01). */
  lossy?: boolean;
  /** The pixels shown are fewer than the image has (see imageQuality.ts). */
  reduced?: boolean;
  /** A short remark under the view, e.g. "orientation assumed". */
  note?: string;
  /**
   * Gather all corner texts on one side, away from the chest wall of an image hung against the
   * viewport's edge (a right breast pinned right reads its texts on the left). Default: all corners.
   */
  textSide?: 'left' | 'right';
}

const da = (value: unknown): string | undefined => {
  const raw = Array.isArray(value) ? value[0] : value;
  return typeof raw === 'string' && /^\d{8}$/.test(raw.trim()) ? raw.trim() : undefined;
};

/**
 * Laterality, view, age at the study, study date and the lossy flag of a loaded image, from
 * cornerstone's metadata. Empty before the image's metadata is loaded. `role` is the hanging's to
 * say.
 */
export function readOverlayFromMetadata(imageId: string): ViewportOverlayInfo {
  const instance = naturalizedInstance(imageId);
  if (!instance) return {};
  return {
    ...overlayView(instance),
    patientAge: patientAgeAtStudy(instance),
    studyDate: da(instance.StudyDate),
    lossy: isLossy(instance),
  };
}

/** `given` with its blanks filled from `read` (what the caller says wins). */
export function mergeOverlayInfo(read: ViewportOverlayInfo, given: ViewportOverlayInfo | undefined): ViewportOverlayInfo {
  const merged: ViewportOverlayInfo = { ...read };
  for (const [key, value] of Object.entries(given ?? {}) as Array<[keyof ViewportOverlayInfo, never]>) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
