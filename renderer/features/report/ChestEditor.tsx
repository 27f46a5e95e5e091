import { useTranslation } from 'react-i18next';
import { CHEST_FINDING_IDS } from '../../../shared/domain/chest-findings';
import type { ChestFindingState, ChestReport } from '../../../shared/report/chest-report';
import { markRestAbsent, setChestFinding } from './reportEdits';

interface Props {
  report: ChestReport;
  disabled: boolean;
  onChange(r: ChestReport): void;
}

const STATES: ChestFindingState[] = ['present', 'absent', 'uncertain'];
const KEY_TO_STATE: Record<string, ChestFindingState> = { p: 'present', a: 'absent', u: 'uncertain', '+': 'present', '-': 'absent', '?': 'uncertain' };

/**
 * The 12-finding chest checklist. Each row is a radio group (arrows move, P/A/U or +/−/? set the
 * state), then the impression and free text.
 */
export function ChestEditor({ report, disabled, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="report-chest">
      <table className="report-checklist">
        <tbody>
          {CHEST_FINDING_IDS.map((id) => (
            <tr
              key={id}
              data-testid={`chest-${id}`}
              data-state={report.findings[id] ?? ''}
              onKeyDown={(e) => {
                const state = KEY_TO_STATE[e.key.toLowerCase()];
                if (!state || disabled) return;
                e.preventDefault();
                onChange(setChestFinding(report, id, state));
              }}
            >
              <th scope="row">{t(`lexicon:chest.${id}`)}</th>
              {STATES.map((state) => (
                <td key={state}>
                  <label>
                    <input type="radio" name={`chest-${id}`} value={state} checked={report.findings[id] === state} disabled={disabled} onChange={() => onChange(setChestFinding(report, id, state))} />
                    {t(state)}
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {!disabled && (
        <button type="button" data-testid="rest-absent" onClick={() => onChange(markRestAbsent(report, CHEST_FINDING_IDS))}>
          {t('restAbsent')}
        </button>
      )}
      <label className="report-choice report-text">
        <span>{t('impression')}</span>
        <textarea data-testid="impression" rows={2} maxLength={4000} value={report.impression} disabled={disabled} onChange={(e) => onChange({ ...report, impression: e.target.value })} />
      </label>
      <label className="report-choice report-text">
        <span>{t('freeText')}</span>
        <textarea data-testid="free-text" rows={3} maxLength={8000} value={report.freeText} disabled={disabled} onChange={(e) => onChange({ ...report, freeText: e.target.value })} />
      </label>
    </div>
  );
}
