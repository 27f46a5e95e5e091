import type { CSSProperties } from 'react';
import { useT } from '../../app/i18n';
import { AiOverlayControls } from './AiOverlayControls';
import { useShownAiResult } from './aiResultStore';
import { BACKEND_NAMES } from './backendNames';
import type { AiReading } from './useAiReading';

const bar: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', padding: '4px 12px', borderBottom: '1px solid var(--line, #2a313b)', fontSize: 13 };

/**
 * The AI second reader's controls in the viewer: which pack, run, progress and cancel while it
 * runs, what went wrong, and the heatmap controls once a result is shown.
 */
export function AiToolbar({ reading }: { reading: AiReading }) {
  const t = useT();
  const shown = useShownAiResult();
  const { packs, pack, status } = reading;
  const busy = status.kind === 'running' || status.kind === 'calibrating';
  return (
    <div className="ai-toolbar" role="toolbar" aria-label={t('ai.panel.title')} data-testid="ai-toolbar" style={bar}>
      {packs.length === 0 ? (
        <span style={{ color: 'var(--muted)' }}>{t('ai.noPack')}</span>
      ) : (
        <>
          <label style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
            {t('ai.pack')}
            <select value={pack?.manifest.id ?? ''} disabled={busy} onChange={(e) => reading.selectPack(e.target.value)} data-testid="ai-pack">
              {packs.map((p) => (
                <option key={p.manifest.id} value={p.manifest.id}>
                  {p.manifest.name} {p.manifest.version}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={reading.run} disabled={busy || !pack} data-testid="ai-run">
            {shown ? t('ai.rerun') : t('ai.run')}
          </button>
        </>
      )}
      {status.kind === 'calibrating' ? (
        <span role="status" data-testid="ai-status" data-state="calibrating">
          {t('ai.calibrating')}…
        </span>
      ) : null}
      {status.kind === 'running' ? (
        <span role="status" data-testid="ai-status" data-state="running" data-backend={status.backend}>
          {status.progress?.phase === 'images' ? t('ai.loadingImages') : t('ai.running')}
          {status.progress && status.progress.phase === 'views' ? ` ${status.progress.done}/${status.progress.total} ${t('ai.views')}` : '…'}
          {status.backend ? ` · ${BACKEND_NAMES[status.backend]}` : ''}
          <progress
            style={{ marginLeft: 6, verticalAlign: 'middle' }}
            max={status.progress?.total || 1}
            value={status.progress?.phase === 'views' ? status.progress.done : undefined}
          />
        </span>
      ) : null}
      {busy ? (
        <button type="button" onClick={reading.cancel} data-testid="ai-cancel">
          {t('ai.cancel')}
        </button>
      ) : null}
      {status.kind === 'error' ? (
        <span role="alert" className="ai-error" data-testid="ai-error" data-code={status.error.code} style={{ color: 'var(--danger)' }}>
          {status.error.code === 'CANCELLED' ? t('ai.cancelled') : status.error.message}
        </span>
      ) : null}
      {status.kind === 'sealed' ? (
        <span role="status" data-testid="ai-sealed" style={{ color: 'var(--muted)' }}>
          {status.message}
        </span>
      ) : null}
      {shown ? <AiOverlayControls /> : null}
    </div>
  );
}
