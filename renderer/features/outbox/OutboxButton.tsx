import { useT } from '../../app/i18n';
import { useOutbox } from './OutboxPanel';

/** The outbox button, with the number of items not yet sent: a reader sees at a glance that work is waiting. */
export function OutboxButton({ onClick }: { onClick(): void }) {
  const t = useT();
  const waiting = useOutbox().filter((item) => item.status !== 'sent').length;
  return (
    <button type="button" onClick={onClick} data-testid="outbox-button" data-waiting={waiting}>
      {t('outbox.open')}
      {waiting > 0 && <span className="badge">{waiting}</span>}
    </button>
  );
}
