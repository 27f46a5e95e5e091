import type { PacsReachability } from '../../shared/domain/connectivity';
import type { Settings } from '../../shared/domain/settings';
import { LOCAL_SOURCE_ID } from '../../shared/domain/study';
import { useT } from './i18n';

/** Chooses the worklist source: the local archive (always there) or a configured PACS. */
export function SourcePicker({ settings, onChange, reachability }: { settings: Settings; onChange(id: string): void; reachability: PacsReachability[] }) {
  const t = useT();
  const current = reachability.find((r) => r.profileId === settings.activeSourceId);
  return (
    <label className="source-picker">
      {t('source.label')}
      <select name="source" value={settings.activeSourceId} onChange={(e) => onChange(e.target.value)}>
        <option value={LOCAL_SOURCE_ID}>{t('source.local')}</option>
        {settings.pacsProfiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {current && (
        <span className={`reachability ${current.state}`} data-testid="reachability" data-state={current.state} title={current.message}>
          ● {t(`reachability.${current.state}`)}
        </span>
      )}
    </label>
  );
}
