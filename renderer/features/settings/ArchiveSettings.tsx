import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';

const GiB = 2 ** 30;

/** Disk used by the local archive against its budget, and the budget itself. */
export function ArchiveSettings({ settings }: { settings: Settings }) {
  const api = useApi();
  const t = useT();
  const [used, setUsed] = useState<{ usedBytes: number; studyCount: number }>();
  useEffect(() => {
    api.archive.getStatus().then(setUsed, () => undefined);
  }, [api, settings.archiveBudgetGiB]);
  return (
    <section className="pacs-form" aria-label={t('archive.usage')}>
      <p className="status" data-testid="archive-usage">
        {t('archive.usage')}: {used ? `${(used.usedBytes / GiB).toFixed(2)} / ${settings.archiveBudgetGiB} GiB, ${used.studyCount}` : '…'}
      </p>
      <label>
        {t('archive.budget')}
        <input
          type="number"
          min={1}
          defaultValue={settings.archiveBudgetGiB}
          onBlur={(e) => {
            const value = Number(e.target.value);
            if (value >= 1) void api.settings.update({ archiveBudgetGiB: value });
          }}
        />
      </label>
    </section>
  );
}
