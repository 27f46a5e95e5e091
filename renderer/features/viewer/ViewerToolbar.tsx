import { useMemo, type CSSProperties } from 'react';
import { useReadingState } from '../../imaging/readingState';
import { runReadingCommand } from '../../imaging/tools/readingCommands';
import { READING_TOOL_IDS, READING_TOOL_LABELS } from '../../imaging/tools/readingTools';
import { shortcutFor, type ReadingCommand } from '../../imaging/tools/shortcuts';
import { applyVoiPreset, voiPresetsOf } from '../../imaging/voi/voiPresetCommands';
import { ShortcutSheet } from './ShortcutSheet';

const bar: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center', padding: '4px 12px', borderBottom: '1px solid var(--line, #2a313b)' };
const separator: CSSProperties = { width: 1, alignSelf: 'stretch', background: 'var(--line, #2a313b)', margin: '0 4px' };
const pressed: CSSProperties = { borderColor: 'var(--accent, #4fa3ff)', color: 'var(--accent, #4fa3ff)' };

/** "Invert (I)": a button's title with its shortcut from the one map. */
function titled(text: string, command: ReadingCommand): string {
  const shortcut = shortcutFor(command);
  return shortcut ? `${text} (${shortcut.hold ? 'hold ' : ''}${shortcut.keyLabel})` : text;
}

interface CommandButtonProps {
  command: ReadingCommand;
  label: string;
  title: string;
  viewportId: string | undefined;
  disabled?: boolean;
  isPressed?: boolean;
}

function CommandButton({ command, label, title, viewportId, disabled, isPressed }: CommandButtonProps) {
  return (
    <button
      type="button"
      title={titled(title, command)}
      aria-pressed={isPressed}
      style={isPressed ? pressed : undefined}
      disabled={disabled}
      onClick={() => runReadingCommand(command, viewportId)}
    >
      {label}
    </button>
  );
}

/**
 * The reading toolbar: the left-button tool for every viewport, and window presets, invert, scale
 * and reset for the active viewport (the last one clicked). "?" opens the shortcut sheet, which
 * this component renders.
 */
export function ViewerToolbar() {
  const { tool, activeViewportId, imagesVersion } = useReadingState();
  // Re-read when a viewport shows its first image: the presets come from its loaded metadata.
  const presets = useMemo(() => voiPresetsOf(activeViewportId), [activeViewportId, imagesVersion]);
  const noViewport = activeViewportId === undefined;
  return (
    <>
      <div role="toolbar" aria-label="Reading tools" className="viewer-toolbar" data-testid="viewer-toolbar" style={bar}>
        {READING_TOOL_IDS.map((id) => (
          <CommandButton
            key={id}
            command={{ kind: 'tool', tool: id }}
            label={READING_TOOL_LABELS[id]}
            title={id === 'magnifier' ? 'Magnifier on the left button' : `${READING_TOOL_LABELS[id]} on the left button`}
            viewportId={activeViewportId}
            isPressed={tool === id}
          />
        ))}
        <span style={separator} />
        <select
          aria-label="Window preset"
          title={titled('Window presets of the active image', { kind: 'next-preset' })}
          value=""
          disabled={noViewport || presets.length === 0}
          onChange={(event) => {
            if (activeViewportId && event.target.value) applyVoiPreset(activeViewportId, event.target.value);
            event.target.blur(); // give the keys back to the shortcuts
          }}
        >
          <option value="">Window…</option>
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
        <CommandButton command={{ kind: 'invert' }} label="Invert" title="Invert greyscale" viewportId={activeViewportId} disabled={noViewport} />
        <span style={separator} />
        <CommandButton command={{ kind: 'scale', scale: 'fit' }} label="Fit" title="Fit to the viewport" viewportId={activeViewportId} disabled={noViewport} />
        <CommandButton command={{ kind: 'scale', scale: 'pixel' }} label="1:1" title="One image pixel per screen pixel" viewportId={activeViewportId} disabled={noViewport} />
        <CommandButton command={{ kind: 'scale', scale: 'true-size' }} label="True size" title="Image mm = screen mm" viewportId={activeViewportId} disabled={noViewport} />
        <span style={separator} />
        <CommandButton command={{ kind: 'reset' }} label="Reset" title="Reset to the hanging" viewportId={activeViewportId} disabled={noViewport} />
        <CommandButton command={{ kind: 'shortcut-sheet' }} label="?" title="Keyboard shortcuts" viewportId={activeViewportId} />
      </div>
      <ShortcutSheet />
    </>
  );
}
