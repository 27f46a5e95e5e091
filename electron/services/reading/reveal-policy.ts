import { isFirstReadSigned, type ReadingState } from '../../../shared/report/reading-state';

/** Answers whether the AI result of a study may leave the inference service (issue 5 injects it). */
export type RevealPolicy = (studyInstanceUID: string) => Promise<boolean>;

/** Anything that can tell a study's reading state (the reading service). */
export interface ReadingStateSource {
  stateOf(studyInstanceUID: string): Promise<ReadingState | undefined>;
}

/**
 * The double-reading order as a policy: an AI result may reach the renderer only once the
 * reader's first read of that study is signed. An unknown study is sealed.
 */
export function createRevealPolicy(reading: ReadingStateSource): RevealPolicy {
  return async (studyInstanceUID) => {
    const state = await reading.stateOf(studyInstanceUID);
    return state !== undefined && isFirstReadSigned(state);
  };
}
