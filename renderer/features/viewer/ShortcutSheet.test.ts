import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { updateReadingState } from '../../imaging/readingState';
import { SHORTCUTS, STAGE_SHORTCUTS } from '../../imaging/tools/shortcuts';
import { ShortcutSheet } from './ShortcutSheet';

const decode = (html: string) => html.replaceAll('&amp;', '&').replaceAll('&#x27;', "'").replaceAll('&quot;', '"');

describe('ShortcutSheet', () => {
  afterEach(() => updateReadingState({ shortcutSheetOpen: false }));

  it('lists every shortcut of the map, key and description', () => {
    updateReadingState({ shortcutSheetOpen: true });
    const html = decode(renderToStaticMarkup(createElement(ShortcutSheet)));
    const rows = html.match(/data-testid="shortcut-row"/g) ?? [];
    expect(rows).toHaveLength(SHORTCUTS.length + STAGE_SHORTCUTS.length);
    for (const shortcut of SHORTCUTS) {
      expect(html).toContain(`data-key="${shortcut.key}"`);
      expect(html).toContain(`>${shortcut.keyLabel}</kbd>`);
      expect(html).toContain(shortcut.description);
    }
    for (const stage of STAGE_SHORTCUTS) expect(html).toContain(stage.description);
    expect(html).toContain('Middle drag');
  });

  it('renders nothing while closed', () => {
    expect(renderToStaticMarkup(createElement(ShortcutSheet))).toBe('');
  });
});
