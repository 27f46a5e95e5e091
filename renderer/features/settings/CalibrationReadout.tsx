import type { BackendCalibration } from '../../../shared/domain/backend-calibration';
import { InferenceBackend } from '../../../shared/domain/ai-result';
import { useT } from '../../app/i18n';
import { BACKEND_NAMES } from '../ai/backendNames';

/** What the first-use calibration measured for one pack: ms per view per backend, and the choice. */
export function CalibrationReadout({ calibration }: { calibration: BackendCalibration | undefined }) {
  const t = useT();
  if (!calibration) return <p className="status" style={{ width: '100%', margin: 0 }}>{t('models.calibrationNone')}</p>;
  return (
    <div className="status" style={{ width: '100%' }} data-testid="calibration" data-chosen={calibration.chosen}>
      {t('models.calibration')} ({new Date(calibration.measuredAt).toLocaleString()}
      {calibration.machine ? `; ${calibration.machine}` : ''}):
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {InferenceBackend.options.map((backend) => {
          const ms = calibration.msPerView[backend];
          const why = calibration.unavailable[backend];
          return (
            <li key={backend} data-backend={backend}>
              {BACKEND_NAMES[backend]}
              {backend === 'wasm' && calibration.wasmThreads ? ` (${calibration.wasmThreads} ${t('models.threads')})` : ''}: {ms !== undefined ? `${ms.toFixed(1)} ${t('models.msPerView')}` : `— ${why ?? ''}`}
              {calibration.chosen === backend ? ` ✓ ${t('models.chosen')}` : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
