import type { StudySummary } from '../../../shared/domain/study';
import { useT } from '../../app/i18n';

/** Not fetched, fetching n %, cached, read, signed or sent. */
export function LocalStatusCell({ study }: { study: StudySummary }) {
  const t = useT();
  const status = study.localStatus ?? 'not-fetched';
  const text = status === 'fetching' ? `${t('status.fetching')} ${study.fetchPercent ?? 0}%` : t(`status.${status}`);
  return (
    <td data-col="local-status" data-status={status} className={`local-status ${status}`}>
      {text}
    </td>
  );
}
