import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import type { ErrorData } from '../../../shared/ipc/errors';
import type { InstalledPack, RefusedPack } from '../../../shared/models/installed-pack';
import { BackendPreference } from '../../../shared/models/trusted-key';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/i18n';
import { BACKEND_NAMES } from '../ai/backendNames';
import { describeAiError } from '../ai/describeAiError';
import { ModelCard } from '../ai/ModelCard';
import { packCard } from '../ai/packCard';
import { calibrateBackends } from '../../inference/calibrateBackends';
import { CalibrationReadout } from './CalibrationReadout';

type ImportOutcome = { kind: 'installed'; pack: InstalledPack } | { kind: 'refused'; error: ErrorData };

/**
 * Settings → Models: the installed packs with their cards, importing a pack from a path on this
 * machine (a refusal says why), and the inference backend (automatic from the first-use
 * calibration, or forced), with what the calibration measured.
 */
export function ModelSettings({ settings }: { settings: Settings }) {
  const api = useApi();
  const t = useT();
  const [packs, setPacks] = useState<InstalledPack[]>();
  const [refusedOnDisk, setRefusedOnDisk] = useState<RefusedPack[]>([]);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const [error, setError] = useState<ErrorData>();

  const reload = useCallback(async () => {
    try {
      const [installed, refused] = await Promise.all([api.models.listPacks(), api.models.listRefusedPacks()]);
      setPacks(installed);
      setRefusedOnDisk(refused);
    } catch (err) {
      setError(describeAiError(err));
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const importPack = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const pack = await api.models.importPack(path.trim());
      setOutcome({ kind: 'installed', pack });
      setPath('');
      await reload();
    } catch (err) {
      setOutcome({ kind: 'refused', error: describeAiError(err) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    try {
      await api.models.removePack(id);
      await reload();
    } catch (err) {
      setError(describeAiError(err));
    }
  };

  const recalibrate = async (pack: InstalledPack) => {
    setBusy(true);
    try {
      const calibration = await calibrateBackends(api, pack.manifest);
      await api.settings.update({ inferenceCalibration: { ...(settings.inferenceCalibration ?? {}), [calibration.packKey]: calibration } });
    } catch (err) {
      setError(describeAiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="model-settings" aria-label={t('models.title')} data-testid="model-settings">
      <h2>{t('models.title')}</h2>
      {error ? (
        <p className="diagnosis fail" role="alert">
          {error.message}
        </p>
      ) : null}
      {packs?.length === 0 ? <p className="status">{t('models.empty')}</p> : null}
      <ul className="pacs-list">
        {(packs ?? []).map((pack) => {
          const { manifest } = pack;
          const key = `${manifest.id}@${manifest.version}`;
          return (
            <li key={manifest.id} data-testid="installed-pack" data-pack-id={manifest.id}>
              <strong>{manifest.name}</strong> <code>{manifest.version}</code>
              <span className="status">
                {pack.builtIn ? t('models.builtIn') : pack.signedBy ? `${t('models.signedBy')} ${pack.signedBy}` : t('models.unsigned')}
              </span>
              {!pack.builtIn ? (
                <button type="button" onClick={() => void remove(manifest.id)}>
                  {t('models.remove')}
                </button>
              ) : null}
              <details style={{ width: '100%' }}>
                <summary>{t('models.showCard')}</summary>
                <ModelCard card={packCard(manifest, pack.notForClinicalUse)} />
              </details>
              <CalibrationReadout calibration={settings.inferenceCalibration?.[key]} />
              <button type="button" disabled={busy} onClick={() => void recalibrate(pack)} data-testid="recalibrate">
                {t('models.recalibrate')}
              </button>
            </li>
          );
        })}
      </ul>
      {refusedOnDisk.length > 0 ? (
        <ul className="pacs-list" aria-label={t('models.refusedOnDisk')}>
          {refusedOnDisk.map((r) => (
            <li key={r.location} className="diagnosis fail" data-testid="refused-pack">
              {t('models.refused')}: <code>{r.location}</code> — {r.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="pacs-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void importPack();
        }}
      >
        <label>
          {t('models.importPath')}
          <input value={path} onChange={(e) => setPath(e.target.value)} data-testid="pack-path" spellCheck={false} />
        </label>
        <button type="submit" disabled={busy || !path.trim()} data-testid="pack-import">
          {t('models.import')}
        </button>
      </form>
      {outcome?.kind === 'installed' ? (
        <p className="diagnosis ok" role="status" data-testid="pack-installed">
          {t('models.imported')}: {outcome.pack.manifest.name} {outcome.pack.manifest.version}
        </p>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <p className="diagnosis fail" role="alert" data-testid="pack-refused" data-code={outcome.error.code}>
          {t('models.refused')}: {outcome.error.message}
        </p>
      ) : null}
      <label className="language">
        {t('models.backend')}
        <select
          value={settings.inferenceBackend}
          data-testid="backend-preference"
          onChange={(e) => void api.settings.update({ inferenceBackend: BackendPreference.parse(e.target.value) }).catch((err: unknown) => setError(describeAiError(err)))}
        >
          {BackendPreference.options.map((option) => (
            <option key={option} value={option}>
              {option === 'auto' ? t('models.backend.auto') : BACKEND_NAMES[option]}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
