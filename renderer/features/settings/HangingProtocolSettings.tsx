import { useCallback, useEffect, useState } from 'react';
import type { HangingProtocol } from '../../../shared/hanging/protocol-schema';
import { toErrorData, type ErrorData } from '../../../shared/ipc/errors';
import { useApi } from '../../app/api-context';
import { ErrorBanner } from '../../app/ErrorBanner';
import { useT } from '../../app/i18n';

interface Listing {
  builtIn: HangingProtocol[];
  user: HangingProtocol[];
  problems: string[];
}

/**
 * The hanging protocols: the built-in ones to copy from, and the user's own to edit as JSON or
 * remove. The schema is checked by the service on save, and its complaints are shown verbatim.
 */
export function HangingProtocolSettings() {
  const api = useApi();
  const t = useT();
  const [listing, setListing] = useState<Listing>();
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState<ErrorData>();
  const refresh = useCallback(() => api.protocols.list().then(setListing, (err: unknown) => setError(toErrorData(err))), [api]);
  useEffect(() => void refresh(), [refresh]);

  const edit = (protocol: HangingProtocol, copy: boolean) => {
    setError(undefined);
    const base = copy ? { ...protocol, id: `${protocol.id}-mine`, name: `${protocol.name} (mine)` } : protocol;
    setDraft(JSON.stringify(base, null, 2));
  };
  const save = async () => {
    setError(undefined);
    let data: unknown;
    try {
      data = JSON.parse(draft ?? '');
    } catch (err) {
      setError({ code: 'INVALID_ARGUMENT', message: `${t('protocols.notJson')} ${(err as Error).message}` });
      return;
    }
    try {
      await api.protocols.save(data);
      setDraft(undefined);
      await refresh();
    } catch (err) {
      setError(toErrorData(err));
    }
  };
  const remove = async (id: string) => {
    setError(undefined);
    await api.protocols.remove(id).then(refresh, (err: unknown) => setError(toErrorData(err)));
  };

  return (
    <section className="pacs-form" aria-label={t('protocols.title')}>
      <h3>{t('protocols.title')}</h3>
      <p className="status">{t('protocols.hint')}</p>
      {listing?.problems.map((problem) => (
        <ErrorBanner key={problem} error={{ code: 'INVALID_ARGUMENT', message: problem }} />
      ))}
      <ul className="pacs-list">
        {listing?.user.map((protocol) => (
          <li key={`user:${protocol.id}`} data-testid="protocol" data-protocol-id={protocol.id}>
            <strong>{protocol.name}</strong> <small>({t('protocols.mine')})</small>
            <button type="button" onClick={() => edit(protocol, false)}>
              {t('protocols.edit')}
            </button>
            <button type="button" onClick={() => void remove(protocol.id)}>
              {t('settings.remove')}
            </button>
          </li>
        ))}
        {listing?.builtIn.map((protocol) => (
          <li key={`builtin:${protocol.id}`} data-testid="protocol" data-protocol-id={protocol.id}>
            <strong>{protocol.name}</strong> <small>({t('protocols.builtIn')})</small>
            <button type="button" onClick={() => edit(protocol, true)}>
              {t('protocols.copy')}
            </button>
          </li>
        ))}
      </ul>
      {error && <ErrorBanner error={error} />}
      {draft !== undefined && (
        <>
          <label>
            {t('protocols.editor')}
            <textarea value={draft} onChange={(e) => setDraft(e.target.value)} rows={16} spellCheck={false} style={{ width: '100%', fontFamily: 'monospace' }} />
          </label>
          <button type="button" onClick={() => void save()}>
            {t('protocols.save')}
          </button>
          <button type="button" onClick={() => setDraft(undefined)}>
            {t('protocols.cancel')}
          </button>
        </>
      )}
    </section>
  );
}
