import { z } from 'zod';

/**
 * The double-reading order, enforced: the AI stays sealed until the first read is signed.
 * `final` is reached by confirming the first read or revising it with a stated reason.
 */
export const READING_STATES = [
  'unread',
  'first-read-draft',
  'first-read-signed',
  'ai-revealed',
  'discordances-listed',
  'final',
  'queued',
  'sent',
] as const;
export const ReadingState = z.enum(READING_STATES);
export type ReadingState = z.infer<typeof ReadingState>;

export const ReadingAction = z.enum(['open', 'save-draft', 'sign-first-read', 'reveal-ai', 'list-discordances', 'record-feedback', 'confirm', 'revise', 'finalize-without-ai', 'queue', 'sent']);
export type ReadingAction = z.infer<typeof ReadingAction>;

/** Which action may move a session from which state to which. */
const TRANSITIONS: Record<ReadingAction, ReadonlyArray<readonly [ReadingState, ReadingState]>> = {
  open: [['unread', 'unread']],
  'save-draft': [
    ['unread', 'first-read-draft'],
    ['first-read-draft', 'first-read-draft'],
  ],
  'sign-first-read': [['first-read-draft', 'first-read-signed']],
  'reveal-ai': [['first-read-signed', 'ai-revealed']],
  'list-discordances': [['ai-revealed', 'discordances-listed']],
  'record-feedback': [['discordances-listed', 'discordances-listed']],
  confirm: [['discordances-listed', 'final']],
  revise: [['discordances-listed', 'final']],
  // When no AI result can be had, the reader's own signed read becomes final; it is audited.
  'finalize-without-ai': [['first-read-signed', 'final']],
  queue: [['final', 'queued']],
  sent: [['queued', 'sent']],
};

/** The state an action leads to from `from`, or undefined when the order forbids it. */
export function nextState(from: ReadingState, action: ReadingAction): ReadingState | undefined {
  return TRANSITIONS[action].find(([f]) => f === from)?.[1];
}

/** True once the reader's first read is signed: from here on the AI may be shown. */
export function isFirstReadSigned(state: ReadingState): boolean {
  return READING_STATES.indexOf(state) >= READING_STATES.indexOf('first-read-signed');
}

export function isRevealed(state: ReadingState): boolean {
  return READING_STATES.indexOf(state) >= READING_STATES.indexOf('ai-revealed');
}
