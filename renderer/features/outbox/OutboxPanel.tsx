import { useEffect, useState } from 'react';
import type { OutboxItem } from '../../../shared/domain/outbox';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';

/** Everything waiting for or sent to a PACS, with its status per instance and "retry now". */
export function OutboxPanel({ onClose }: { onClose(): void }) {
  const api = useApi();
  const t = useT();
  const items = useOutbox();
  return (
    <aside className="settings-panel" aria-label={t('outbox.title')}>
      <header>
        <h2>{t('outbox.title')}</h2>
        <button type="button" onClick={() => void api.outbox.retryNow()}>
          {t('outbox.retryAll')}
        </button>
        <button type="button" onClick={onClose}>
          {t('settings.close')}
        </button>
      </header>
      {items.length === 0 && <p className="status">{t('outbox.empty')}</p>}
      <ul className="pacs-list">
        {items.map((item) => (
          <li key={item.id} data-testid="outbox-item" data-status={item.status}>
            <strong>{item.description}</strong> → {item.profileId}: <span className={`outbox-status ${item.status}`}>{t(`outbox.status.${item.status}`)}</span>
            {item.status !== 'sent' && (
              <button type="button" onClick={() => void api.outbox.retryNow(item.id)}>
                {t('outbox.retry')}
              </button>
            )}
            {item.lastError && <p className="diagnosis fail">{item.lastError}</p>}
            {item.instances.some((i) => i.status === 'failed') && (
              <ul>
                {item.instances
                  .filter((i) => i.status === 'failed')
                  .map((i) => (
                    <li key={i.sopInstanceUID} className="diagnosis fail">
                      {i.sopInstanceUID}: {i.message ?? i.reason}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** The outbox, kept current by `outboxChanged` events. */
export function useOutbox(): OutboxItem[] {
  const api = useApi();
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    api.outbox.list().then(setItems, () => undefined);
    return api.events.on('outboxChanged', setItems);
  }, [api]);
  return items;
}
