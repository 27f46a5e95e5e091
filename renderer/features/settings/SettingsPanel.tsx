import { useState } from 'react';
import type { ConnectionDiagnosis, PacsProfile, PacsProfileInput } from '../../../shared/domain/pacs-profile';
import { Language, type Settings } from '../../../shared/domain/settings';
import { toErrorData, type ErrorData } from '../../../shared/ipc/errors';
import { useApi } from '../../app/api-context';
import { ErrorBanner } from '../../app/ErrorBanner';
import { useT } from '../../app/i18n';
import { ArchiveSettings } from './ArchiveSettings';
import { HangingProtocolSettings } from './HangingProtocolSettings';
import { PacsProfileForm } from './PacsProfileForm';

interface Props {
  settings: Settings;
  onClose(): void;
}

/** PACS servers and language. Changes apply at once; settings events refresh the app. */
export function SettingsPanel({ settings, onClose }: Props) {
  const api = useApi();
  const t = useT();
  const [editing, setEditing] = useState<PacsProfile | 'new' | undefined>(settings.pacsProfiles.length ? undefined : 'new');
  const [error, setError] = useState<ErrorData>();
  const [diagnosis, setDiagnosis] = useState<Record<string, ConnectionDiagnosis>>({});

  const run = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(toErrorData(err));
    }
  };
  const save = (input: PacsProfileInput) =>
    run(async () => {
      const saved = await api.pacs.saveProfile(input);
      setEditing(undefined);
      setDiagnosis((d) => ({ ...d, [saved.id]: { ok: false, code: 'TESTING', message: '…' } }));
      const result = await api.pacs.testConnection(saved.id);
      setDiagnosis((d) => ({ ...d, [saved.id]: result }));
    });

  return (
    <aside className="settings-panel" aria-label={t('settings.title')}>
      <header>
        <h2>{t('settings.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('settings.close')}
        </button>
      </header>
      {error && <ErrorBanner error={error} />}
      <ul className="pacs-list">
        {settings.pacsProfiles.map((profile) => (
          <li key={profile.id} data-testid="pacs-profile">
            <strong>{profile.name}</strong> <code>{profile.qidoUrl}</code>
            <button type="button" onClick={() => run(async () => setDiagnosis({ ...diagnosis, [profile.id]: await api.pacs.testConnection(profile.id) }))}>
              {t('settings.test')}
            </button>
            <button type="button" onClick={() => setEditing(profile)}>
              ✎
            </button>
            <button type="button" onClick={() => run(() => api.pacs.removeProfile(profile.id))}>
              {t('settings.remove')}
            </button>
            {diagnosis[profile.id] && (
              <p className={diagnosis[profile.id]!.ok ? 'diagnosis ok' : 'diagnosis fail'} data-testid="pacs-diagnosis">
                {diagnosis[profile.id]!.message}
              </p>
            )}
          </li>
        ))}
      </ul>
      {editing ? (
        <PacsProfileForm key={editing === 'new' ? 'new' : editing.id} initial={editing === 'new' ? undefined : editing} onSave={save} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t('settings.add')}
        </button>
      )}
      <ArchiveSettings settings={settings} />
      <HangingProtocolSettings />
      <label className="language">
        {t('settings.language')}
        <select value={settings.language} onChange={(e) => void run(() => api.settings.update({ language: Language.parse(e.target.value) }))}>
          <option value="en">English</option>
          <option value="ru">Русский</option>
        </select>
      </label>
    </aside>
  );
}
