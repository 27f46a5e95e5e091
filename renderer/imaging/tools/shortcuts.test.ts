import { describe, expect, it } from 'vitest';
import { READING_TOOL_IDS } from './readingTools';
import { SHORTCUTS, shortcutFor, shortcutForKey } from './shortcuts';

describe('reading shortcuts', () => {
  it('gives every tool a shortcut', () => {
    for (const tool of READING_TOOL_IDS) {
      expect(shortcutFor({ kind: 'tool', tool }), tool).toBeDefined();
    }
  });

  it('uses each key once, whatever its case', () => {
    const keys = SHORTCUTS.map((s) => s.key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers fit, 1:1, true size, invert, reset, the AI overlay and the sheet', () => {
    for (const command of [
      { kind: 'scale', scale: 'fit' },
      { kind: 'scale', scale: 'pixel' },
      { kind: 'scale', scale: 'true-size' },
      { kind: 'invert' },
      { kind: 'reset' },
      { kind: 'shortcut-sheet' },
      { kind: 'ai-overlay' },
    ] as const) {
      expect(shortcutFor(command), JSON.stringify(command)).toBeDefined();
    }
  });

  it('matches letters in either case and leaves browser shortcuts alone', () => {
    const press = (key: string, mods: Partial<KeyboardEvent> = {}) => shortcutForKey({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });
    expect(press('W')?.command).toEqual({ kind: 'tool', tool: 'windowLevel' });
    expect(press('?')?.command).toEqual({ kind: 'shortcut-sheet' });
    expect(press('H')?.command).toEqual({ kind: 'ai-overlay' });
    expect(press('Escape')?.command).toEqual({ kind: 'reset' });
    expect(press('r', { ctrlKey: true })).toBeUndefined();
    expect(press('q')).toBeUndefined();
  });

  it('holds only the magnifier', () => {
    expect(SHORTCUTS.filter((s) => s.hold).map((s) => s.command)).toEqual([{ kind: 'tool', tool: 'magnifier' }]);
  });
});
