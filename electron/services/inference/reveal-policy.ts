/**
 * Whether a study's AI result may be shown now. The reading session (issue 6) injects the real
 * policy (sealed until the reader's first read is signed); without one, results are visible.
 */
export type RevealPolicy = (studyInstanceUid: string) => Promise<boolean>;

export const revealAlways: RevealPolicy = async () => true;
