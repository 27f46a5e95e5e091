import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BIRADS_ASSESSMENTS, BREAST_COMPOSITIONS, FINDING_TYPE, MANAGEMENT_RECOMMENDATIONS } from '../../../shared/report/birads-lexicon';
import type { BreastSide, ImagePoint, MammoFinding, MammoReport } from '../../../shared/report/mammo-report';
import { Choice } from './Choice';
import { FindingEditor } from './FindingEditor';
import { addFinding, removeFinding, setBreastAssessment, setOverall, updateFinding } from './reportEdits';

interface Props {
  report: MammoReport;
  disabled: boolean;
  onChange(r: MammoReport): void;
  onPlace(side: BreastSide): Promise<ImagePoint | undefined>;
}

const FINDING_TYPES = Object.keys(FINDING_TYPE) as MammoFinding['type'][];

/** The BI-RADS report: composition, findings and assessment per breast, overall assessment, recommendation. */
export function MammoEditor({ report, disabled, onChange, onPlace }: Props) {
  const { t } = useTranslation();
  const lex = (key: string) => t(`lexicon:${key}`);
  return (
    <div className="report-mammo">
      <Choice label={t('composition')} value={report.composition} options={BREAST_COMPOSITIONS} text={(o) => lex(`composition.${o}`)} onChange={(composition) => onChange({ ...report, composition })} disabled={disabled} testId="composition" />
      {(['R', 'L'] as const).map((side) => (
        <Breast key={side} side={side} report={report} disabled={disabled} onChange={onChange} onPlace={onPlace} />
      ))}
      <Choice label={t('overall')} value={report.overallAssessment} options={BIRADS_ASSESSMENTS} text={(o) => lex(`assessment.${o}`)} onChange={(a) => onChange(setOverall(report, a))} disabled={disabled} testId="overall" />
      <Choice label={t('management')} value={report.management} options={MANAGEMENT_RECOMMENDATIONS} text={(o) => lex(`management.${o}`)} onChange={(management) => onChange({ ...report, management })} disabled={disabled} testId="management" />
      <label className="report-choice report-text">
        <span>{t('comment')}</span>
        <textarea data-testid="comment" rows={2} maxLength={4000} value={report.comment} disabled={disabled} onChange={(e) => onChange({ ...report, comment: e.target.value })} />
      </label>
    </div>
  );
}

function Breast({ side, report, disabled, onChange, onPlace }: { side: BreastSide } & Props) {
  const { t } = useTranslation();
  const lex = (key: string) => t(`lexicon:${key}`);
  const [type, setType] = useState<MammoFinding['type']>('mass');
  const breast = report.breasts[side];
  return (
    <section className="report-breast" data-testid={`breast-${side}`} aria-label={t(side === 'R' ? 'right' : 'left')}>
      <h4>{t(side === 'R' ? 'right' : 'left')}</h4>
      {breast.findings.map((f) => (
        <FindingEditor
          key={f.id}
          finding={f}
          disabled={disabled}
          onChange={(next) => onChange(updateFinding(report, side, f.id, () => next))}
          onRemove={() => onChange(removeFinding(report, side, f.id))}
          onPlace={() => onPlace(side)}
        />
      ))}
      {!disabled && (
        <div className="report-row">
          <select aria-label={t('type')} data-testid={`new-finding-type-${side}`} value={type} onChange={(e) => setType(e.target.value as MammoFinding['type'])}>
            {FINDING_TYPES.map((ft) => (
              <option key={ft} value={ft}>
                {lex(`type.${ft}`)}
              </option>
            ))}
          </select>
          <button type="button" data-testid={`add-finding-${side}`} onClick={() => onChange(addFinding(report, side, type))}>
            {t('addFinding')}
          </button>
        </div>
      )}
      <Choice label={t('assessment')} value={breast.assessment} options={BIRADS_ASSESSMENTS} text={(o) => lex(`assessment.${o}`)} onChange={(a) => onChange(setBreastAssessment(report, side, a))} disabled={disabled} testId={`assessment-${side}`} />
    </section>
  );
}
