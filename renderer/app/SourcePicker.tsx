import type { Settings } from '../../shared/domain/settings';
import { LOCAL_SOURCE_ID } from '../../shared/domain/study';
import { useT } from './i18n';

/** Chooses the worklist source: the local archive (always there) or a configured PACS. */
export function SourcePicker({ settings, onChange }: { settings: Settings; onChange(id: string): void }) {
  const t = useT();
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
    </label>
  );
}
