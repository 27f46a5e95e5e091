import { useT } from '../../app/i18n';
import { updateReadingState, useReadingState } from '../../imaging/readingState';
import { shortcutFor } from '../../imaging/tools/shortcuts';
import { updateAiOverlayStyle, useAiOverlayStyle } from './aiOverlayStyle';
import { COLORMAP_IDS, type ColormapId } from './colormaps';

const label = { display: 'inline-flex', alignItems: 'center', gap: 4, fontSize: 12, color: 'var(--muted)' } as const;

/** Heatmap on/off (also the H key), opacity, colour map, threshold and the marks' outlines. */
export function AiOverlayControls() {
  const t = useT();
  const style = useAiOverlayStyle();
  const { aiOverlayVisible } = useReadingState();
  const key = shortcutFor({ kind: 'ai-overlay' })?.keyLabel;
  return (
    <span className="ai-overlay-controls" data-testid="ai-overlay-controls" style={{ display: 'inline-flex', gap: 10, alignItems: 'center' }}>
      <label style={label} title={key ? `${t('ai.overlay')} (${key})` : undefined}>
        <input type="checkbox" checked={aiOverlayVisible} onChange={(e) => updateReadingState({ aiOverlayVisible: e.target.checked })} data-testid="ai-overlay-toggle" />
        {t('ai.overlay')}
        {key ? ` (${key})` : ''}
      </label>
      <label style={label}>
        {t('ai.opacity')}
        <input type="range" min={0.1} max={1} step={0.05} value={style.opacity} onChange={(e) => updateAiOverlayStyle({ opacity: Number(e.target.value) })} data-testid="ai-opacity" />
      </label>
      <label style={label}>
        {t('ai.threshold')}
        <input type="range" min={0} max={0.95} step={0.05} value={style.threshold} onChange={(e) => updateAiOverlayStyle({ threshold: Number(e.target.value) })} data-testid="ai-threshold" />
      </label>
      <label style={label}>
        {t('ai.colormap')}
        <select value={style.colormap} onChange={(e) => updateAiOverlayStyle({ colormap: e.target.value as ColormapId })} data-testid="ai-colormap">
          {COLORMAP_IDS.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label style={label}>
        <input type="checkbox" checked={style.contours} onChange={(e) => updateAiOverlayStyle({ contours: e.target.checked })} data-testid="ai-contours" />
        {t('ai.contours')}
      </label>
    </span>
  );
}
