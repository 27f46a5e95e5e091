import { isHangable } from './hangable';
import type { ImageAttributes } from './image-attributes';
import type { StudyMatch } from './protocol-schema';
import { evaluateRules, studyMatchRules } from './rule-evaluation';

/**
 * The priors a protocol compares with, most recent first (by StudyDate; undated ones last).
 * Left out: the current study itself, studies dated after it (they are not priors of this read),
 * and studies with no displayable image the protocol's study match accepts, so a chest X-ray
 * between two screening rounds does not stand in for the previous mammogram.
 */
export function relevantPriors(current: readonly ImageAttributes[], priors: readonly (readonly ImageAttributes[])[], match: StudyMatch | undefined): ImageAttributes[][] {
  const currentUid = current[0]?.studyInstanceUID;
  const currentDate = studyDate(current);
  const rules = match ? studyMatchRules(match) : [];
  return priors
    .filter((study) => study.length > 0 && study[0]?.studyInstanceUID !== currentUid)
    .filter((study) => {
      const date = studyDate(study);
      return !currentDate || !date || date <= currentDate;
    })
    .filter((study) => study.some((image) => isHangable(image) && evaluateRules(rules, image).matched))
    .map((study) => [...study])
    .sort((a, b) => (studyDate(b) ?? '').localeCompare(studyDate(a) ?? ''));
}

/** A study's date: the first StudyDate any of its images carries. */
export function studyDate(study: readonly ImageAttributes[]): string | undefined {
  return study.find((image) => image.studyDate)?.studyDate;
}
