import { useTranslation } from 'react-i18next';
import type { ReadBack } from '../../../shared/report/read-back';
import { narrative } from '../../../shared/report/report-narrative';

/** A study already reported elsewhere: the signed reports and the AI reads found in the PACS. */
export function ReadBackView({ found }: { found: ReadBack }) {
  const { t } = useTranslation();
  const target = (id: string) => {
    const [scope, value] = id.split(':');
    if (scope === 'breast') return t(value === 'R' ? 'right' : 'left');
    return t(`lexicon:chest.${value}`);
  };
  const verdict = (v: string) => t(v === 'false-positive' ? 'falsePositive' : v);
  return (
    <section className="report-read-back" data-testid="read-back" aria-label={t('readBack')}>
      <h4>{t('readBack')}</h4>
      {found.reports.map((r) => (
        <article key={r.sopInstanceUID} data-testid="read-back-report" lang={r.report.language}>
          <p>
            {r.observer?.replace(/\^/g, ' ')} · {r.contentDateTime}
          </p>
          {narrative(r.report).map((section) => (
            <div key={section.heading}>
              <strong>{section.heading}</strong>
              {section.lines.map((line, i) => (
                <p key={i}>{line}</p>
              ))}
            </div>
          ))}
          {r.revisionReason && <p>{t('revisedBecause', { reason: r.revisionReason })}</p>}
        </article>
      ))}
      {found.cad.map((c) => (
        <article key={c.sopInstanceUID} data-testid="read-back-cad">
          <p>
            {t('aiPanel')}: {c.algorithmName} {c.algorithmVersion}
          </p>
          <ul>
            {c.findings.map((f) => (
              <li key={f.target}>
                {target(f.target)}: {t(f.positive ? 'positive' : 'negative')}
                {f.certaintyPercent !== undefined && ` · ${f.certaintyPercent}%`}
                {f.feedback && ` · ${t('feedback')}: ${verdict(f.feedback)}`}
              </li>
            ))}
          </ul>
        </article>
      ))}
      {found.unreadable.map((u) => (
        <p key={u.sopInstanceUID} role="alert">
          {u.sopInstanceUID}: {u.reason}
        </p>
      ))}
    </section>
  );
}
