import { useEffect } from 'react';
import { getReadingState, updateReadingState } from '../readingState';
import { holdReadingCommand, runReadingCommand } from './readingCommands';
import { shortcutForKey, type Shortcut } from './shortcuts';

/**
 * The keyboard side of the reading tools: one window listener for SHORTCUTS, installed while at
 * least one reading viewport is mounted. Keys typed into form fields are left alone.
 */
let users = 0;
let held: Shortcut | undefined;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function release(): void {
  if (held) holdReadingCommand(held.command, false);
  held = undefined;
}

/**
 * cornerstone's keyboard listener on a focused viewport calls preventDefault on every key (it
 * only tracks modifiers); from anywhere else, a handled key is left alone.
 */
function handledElsewhere(event: KeyboardEvent): boolean {
  return event.defaultPrevented && !(event.target instanceof Element && event.target.closest('.image-viewport'));
}

function onKeyDown(event: KeyboardEvent): void {
  if (handledElsewhere(event) || isTyping(event.target)) return;
  if (event.key === 'Escape' && getReadingState().shortcutSheetOpen) {
    updateReadingState({ shortcutSheetOpen: false });
    event.preventDefault();
    return;
  }
  const shortcut = shortcutForKey(event);
  if (!shortcut) return;
  event.preventDefault();
  if (event.repeat) return;
  if (shortcut.hold) {
    release();
    held = shortcut;
    holdReadingCommand(shortcut.command, true);
  } else {
    runReadingCommand(shortcut.command);
  }
}

function onKeyUp(event: KeyboardEvent): void {
  if (held && shortcutForKey({ key: event.key, ctrlKey: false, altKey: false, metaKey: false }) === held) release();
}

function install(): void {
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', release);
}

function uninstall(): void {
  release();
  window.removeEventListener('keydown', onKeyDown);
  window.removeEventListener('keyup', onKeyUp);
  window.removeEventListener('blur', release);
}

/** Keep the reading shortcuts installed while the calling component is mounted (and `enabled`). */
export function useReadingShortcuts(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    if (users++ === 0) install();
    return () => {
      if (--users === 0) uninstall();
    };
  }, [enabled]);
}
