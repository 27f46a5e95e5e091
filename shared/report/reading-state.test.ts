import { describe, expect, it } from 'vitest';
import { isFirstReadSigned, nextState } from './reading-state';
import { overallFromBreasts } from './reader-report';

describe('reading order', () => {
  it('goes draft → signed → revealed → discordances → final → queued → sent, and nowhere else', () => {
    expect(nextState('unread', 'save-draft')).toBe('first-read-draft');
    expect(nextState('first-read-draft', 'sign-first-read')).toBe('first-read-signed');
    expect(nextState('first-read-signed', 'reveal-ai')).toBe('ai-revealed');
    expect(nextState('ai-revealed', 'list-discordances')).toBe('discordances-listed');
    expect(nextState('discordances-listed', 'revise')).toBe('final');
    expect(nextState('final', 'queue')).toBe('queued');
    expect(nextState('queued', 'sent')).toBe('sent');
    expect(nextState('first-read-draft', 'reveal-ai'), 'no reveal before signing').toBeUndefined();
    expect(nextState('first-read-signed', 'save-draft'), 'a signed first read cannot be edited').toBeUndefined();
    expect(nextState('first-read-draft', 'confirm')).toBeUndefined();
  });

  it('the AI may be shown from signing on', () => {
    expect(isFirstReadSigned('first-read-draft')).toBe(false);
    expect(isFirstReadSigned('first-read-signed')).toBe(true);
    expect(isFirstReadSigned('sent')).toBe(true);
  });

  it('the overall assessment is the more concerning breast (1 < 2 < 3 < 6 < 0 < 4 < 5)', () => {
    expect(overallFromBreasts('1', '2')).toBe('2');
    expect(overallFromBreasts('3', '0')).toBe('0');
    expect(overallFromBreasts('0', '4A')).toBe('4A');
    expect(overallFromBreasts('4C', '4A')).toBe('4C');
    expect(overallFromBreasts('5', '6')).toBe('5');
  });
});
