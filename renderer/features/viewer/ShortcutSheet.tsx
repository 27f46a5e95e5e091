import type { CSSProperties } from 'react';
import { updateReadingState, useReadingState } from '../../imaging/readingState';
import { MOUSE_GESTURES, SHORTCUTS, STAGE_SHORTCUTS } from '../../imaging/tools/shortcuts';

const backdrop: CSSProperties = {
  position: 'fixed',
  inset: 0,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: 'rgba(0,0,0,0.55)',
  zIndex: 20,
};
const panel: CSSProperties = {
  background: 'var(--panel, #15191f)',
  border: '1px solid var(--line, #2a313b)',
  borderRadius: 6,
  padding: '12px 16px',
  minWidth: 420,
  maxHeight: '80vh',
  overflow: 'auto',
};
const header: CSSProperties = { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 16 };
const keyCell: CSSProperties = { padding: '2px 12px 2px 0', whiteSpace: 'nowrap', verticalAlign: 'top' };
const kbd: CSSProperties = { font: '12px ui-monospace, monospace', border: '1px solid var(--line, #2a313b)', borderRadius: 3, padding: '0 5px' };

const close = (): void => updateReadingState({ shortcutSheetOpen: false });

/**
 * The reading shortcuts and mouse gestures, listed from the same map the keyboard handler uses
 * (imaging/tools/shortcuts.ts). Opens with "?" or the toolbar's "?" button; Esc closes it.
 */
export function ShortcutSheet() {
  const { shortcutSheetOpen } = useReadingState();
  if (!shortcutSheetOpen) return null;
  return (
    <div style={backdrop} onClick={close}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcut-sheet-title" data-testid="shortcut-sheet" style={panel} onClick={(e) => e.stopPropagation()}>
        <div style={header}>
          <h2 id="shortcut-sheet-title" style={{ fontSize: 15, margin: 0 }}>Reading shortcuts</h2>
          <button type="button" onClick={close} autoFocus>
            Close
          </button>
        </div>
        <table>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.key} data-testid="shortcut-row" data-key={shortcut.key}>
                <td style={keyCell}>
                  <kbd style={kbd}>{shortcut.keyLabel}</kbd>
                  {shortcut.hold ? ' (hold)' : ''}
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
            {STAGE_SHORTCUTS.map((stage) => (
              <tr key={stage.keyLabel} data-testid="shortcut-row">
                <td style={keyCell}>
                  <kbd style={kbd}>{stage.keyLabel}</kbd>
                </td>
                <td>{stage.description}</td>
              </tr>
            ))}
            {MOUSE_GESTURES.map((gesture) => (
              <tr key={gesture.gesture}>
                <td style={keyCell}>{gesture.gesture}</td>
                <td>{gesture.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
