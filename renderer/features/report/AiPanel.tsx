import { useTranslation } from 'react-i18next';
import type { StudyAiResult } from '../../../shared/domain/ai-result';

/**
 * What the AI second reader is: pack, version, operating point, and its validation status. It
 * is only ever rendered from a revealed session, so it cannot appear before signing.
 */
export function AiPanel({ ai }: { ai: StudyAiResult }) {
  const { t } = useTranslation();
  return (
    <section className="report-ai" data-testid="report-ai-panel" aria-label={t('aiPanel')}>
      <h4>{t('aiPanel')}</h4>
      <p>
        {ai.pack.name} {ai.pack.version}
        {ai.pack.notForClinicalUse && (
          <strong className="report-warning" data-testid="report-not-for-clinical-use">
            {' '}
            {t('notForClinicalUse')}
          </strong>
        )}
      </p>
      <p>{t('operatingPoint', { name: ai.operatingPoint.name, threshold: ai.operatingPoint.threshold })}</p>
    </section>
  );
}
