/** What the eviction policy needs to know of one archived study. */
export interface EvictionCandidate {
  studyInstanceUID: string;
  bytes: number;
  lastAccess: number;
}

/**
 * Least-recently-used studies to remove so the archive fits its budget, never a protected one
 * (unsent or unsigned work, a study being read or fetched). Removes down to `targetRatio` of the
 * budget so that eviction does not run again on the very next image.
 */
export function chooseEvictions(
  studies: EvictionCandidate[],
  budgetBytes: number,
  isProtected: (studyInstanceUID: string) => boolean,
  targetRatio = 0.9,
): string[] {
  let used = studies.reduce((sum, s) => sum + s.bytes, 0);
  if (used <= budgetBytes) return [];
  const target = budgetBytes * targetRatio;
  const chosen: string[] = [];
  for (const study of [...studies].sort((a, b) => a.lastAccess - b.lastAccess)) {
    if (used <= target) break;
    if (isProtected(study.studyInstanceUID)) continue;
    chosen.push(study.studyInstanceUID);
    used -= study.bytes;
  }
  return chosen;
}
