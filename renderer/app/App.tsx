import { useEffect, useMemo, useState } from 'react';
import type { PacsReachability } from '../../shared/domain/connectivity';
import type { Settings } from '../../shared/domain/settings';
import { LOCAL_SOURCE_ID, type StudySummary } from '../../shared/domain/study';
import type { TandemApi } from '../../shared/ipc/api';
import { toErrorData, type ErrorData } from '../../shared/ipc/errors';
import { ImportPanel } from '../features/import/ImportPanel';
import { OutboxPanel } from '../features/outbox/OutboxPanel';
import { OutboxButton } from '../features/outbox/OutboxButton';
import { SettingsPanel } from '../features/settings/SettingsPanel';
import { ViewerPage } from '../features/viewer/ViewerPage';
import { WorklistPage } from '../features/worklist/WorklistPage';
import { ApiContext } from './api-context';
import { ErrorBanner } from './ErrorBanner';
import { I18nContext, translator } from './i18n';
import { SourcePicker } from './SourcePicker';

/** The shell: header with source and settings, then the worklist or the open study. */
export function App({ api }: { api: TandemApi }) {
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<ErrorData>();
  const [open, setOpen] = useState<StudySummary>();
  const [panel, setPanel] = useState<'settings' | 'import' | 'outbox'>();
  const toggle = (next: 'settings' | 'import' | 'outbox') => setPanel((p) => (p === next ? undefined : next));
  const [reachability, setReachability] = useState<PacsReachability[]>([]);

  useEffect(() => {
    api.settings.get().then(setSettings, (err: unknown) => setError(toErrorData(err)));
    return api.events.on('settingsChanged', setSettings);
  }, [api]);

  useEffect(() => {
    const load = () => api.pacs.getReachability().then(setReachability, () => undefined);
    void load();
    const offChange = api.events.on('reachabilityChanged', (next) =>
      setReachability((list) => [...list.filter((r) => r.profileId !== next.profileId), next]),
    );
    const offSettings = api.events.on('settingsChanged', () => void load());
    return () => {
      offChange();
      offSettings();
    };
  }, [api]);

  const t = useMemo(() => translator(settings?.language ?? 'en'), [settings?.language]);
  const sourceId = settings?.activeSourceId ?? LOCAL_SOURCE_ID;

  return (
    <ApiContext.Provider value={api}>
      <I18nContext.Provider value={t}>
        <div className="app">
          <header className="app-header">
            <h1>{t('app.title')}</h1>
            {settings && (
              <SourcePicker
                settings={settings}
                reachability={reachability}
                onChange={(id) => api.settings.update({ activeSourceId: id }).catch((err: unknown) => setError(toErrorData(err)))}
              />
            )}
            <span className="header-actions">
              <button type="button" onClick={() => toggle('import')}>
                {t('import.open')}
              </button>
              <OutboxButton onClick={() => toggle('outbox')} />
              <button type="button" onClick={() => toggle('settings')}>
                {t('settings.open')}
              </button>
            </span>
          </header>
          {error && <ErrorBanner error={error} />}
          <main>
            {settings && (open ? <ViewerPage summary={open} onBack={() => setOpen(undefined)} /> : <WorklistPage sourceId={sourceId} onOpen={setOpen} />)}
          </main>
          {panel === 'settings' && settings && <SettingsPanel settings={settings} onClose={() => setPanel(undefined)} />}
          {panel === 'import' && <ImportPanel onClose={() => setPanel(undefined)} />}
          {panel === 'outbox' && <OutboxPanel onClose={() => setPanel(undefined)} />}
        </div>
      </I18nContext.Provider>
    </ApiContext.Provider>
  );
}
