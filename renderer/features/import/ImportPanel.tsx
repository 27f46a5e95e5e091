import { useEffect, useState, type FormEvent } from 'react';
import type { ImportProgress, ImportSummary } from '../../../shared/domain/import';
import { toErrorData, type ErrorData } from '../../../shared/ipc/errors';
import { useApi } from '../../app/api-context';
import { ErrorBanner } from '../../app/ErrorBanner';
import { useT } from '../../app/i18n';

/**
 * Import from a CD, a USB stick or a folder: the path of a DICOMDIR, a folder or a file on this
 * machine. Shows progress while it runs and, at the end, what was imported and what was skipped.
 */
export function ImportPanel({ onClose }: { onClose(): void }) {
  const api = useApi();
  const t = useT();
  const [pathText, setPathText] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ImportProgress>();
  const [summary, setSummary] = useState<ImportSummary>();
  const [error, setError] = useState<ErrorData>();

  useEffect(() => api.events.on('importProgress', setProgress), [api]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const paths = pathText.split('\n').map((p) => p.trim()).filter(Boolean);
    if (!paths.length) return;
    setRunning(true);
    setSummary(undefined);
    setError(undefined);
    try {
      setSummary(await api.imports.importPaths(paths));
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setRunning(false);
    }
  };

  return (
    <aside className="settings-panel" aria-label={t('import.title')}>
      <header>
        <h2>{t('import.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('settings.close')}
        </button>
      </header>
      <form className="pacs-form" onSubmit={(e) => void submit(e)} aria-label={t('import.title')}>
        <label>
          {t('import.paths')}
          <textarea name="paths" rows={3} value={pathText} onChange={(e) => setPathText(e.target.value)} placeholder="/media/cdrom" />
        </label>
        <button type="submit" disabled={running}>
          {t('import.start')}
        </button>
        {running && progress && (
          <button type="button" onClick={() => void api.imports.cancelImport(progress.importId)}>
            {t('viewer.cancel')}
          </button>
        )}
      </form>
      {running && progress && (
        <p className="status" role="status" data-testid="import-progress">
          {progress.imported} {t('import.imported')}, {progress.skipped} {t('import.skipped')}
          {progress.filesTotal !== undefined ? ` / ${progress.filesTotal}` : ''}
        </p>
      )}
      {error && <ErrorBanner error={error} />}
      {summary && <ImportSummaryView summary={summary} />}
    </aside>
  );
}

function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const t = useT();
  return (
    <section data-testid="import-summary">
      <p>
        {summary.imported} {t('import.imported')}, {summary.duplicates} {t('import.duplicates')}, {summary.skipped.length} {t('import.skipped')}
        {summary.cancelled ? ` (${t('import.cancelled')})` : ''}
      </p>
      {summary.skipped.length > 0 && (
        <ul className="skipped">
          {summary.skipped.slice(0, 200).map((s) => (
            <li key={s.path} data-reason={s.reason}>
              <code>{s.path}</code>: {t(`import.reason.${s.reason}`)} — {s.detail}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
