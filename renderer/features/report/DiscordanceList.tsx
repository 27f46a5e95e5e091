import { useTranslation } from 'react-i18next';
import type { StudyAiResult } from '../../../shared/domain/ai-result';
import type { Comparison } from '../../../shared/report/discordance';
import type { AiFeedback } from '../../../shared/report/reading-session';
import { HeatmapThumb } from './HeatmapThumb';

interface Props {
  comparisons: Comparison[];
  ai: StudyAiResult;
  feedback: AiFeedback[];
  disabled: boolean;
  onFeedback(f: AiFeedback): void;
}

const VERDICTS = ['agree', 'disagree', 'false-positive'] as const;
const VERDICT_KEY = { agree: 'agree', disagree: 'disagree', 'false-positive': 'falsePositive' } as const;

/**
 * Every comparison of the reader's call with the AI's, discordant ones first, side by side with
 * the heatmaps of the views they concern, and the reader's verdict on each (1/2/3 on a focused row).
 */
export function DiscordanceList({ comparisons, ai, feedback, disabled, onFeedback }: Props) {
  const { t } = useTranslation();
  const ordered = [...comparisons].sort((a, b) => Number(b.outcome === 'ai-only' || b.outcome === 'reader-only') - Number(a.outcome === 'ai-only' || a.outcome === 'reader-only'));
  const discordant = ordered.filter((c) => c.outcome === 'ai-only' || c.outcome === 'reader-only');
  const call = (c: Comparison, side: 'reader' | 'ai') => {
    const positive = side === 'ai' ? c.aiPositive : c.readerCall === 'positive';
    if (side === 'reader' && c.readerCall === 'not-compared') return t('notCompared');
    return c.scope === 'breast' ? t(positive ? 'recall' : 'noRecall') : t(positive ? 'positive' : 'negative');
  };
  return (
    <section className="report-discordances" aria-label={t('discordances')}>
      <h4>{t('discordances')}</h4>
      {discordant.length === 0 && <p data-testid="no-discordance">{t('noDiscordance')}</p>}
      {ordered.map((c) => {
        const views = ai.views.filter((v) => v.heatmap && (c.scope !== 'breast' || v.laterality === c.laterality));
        const verdict = feedback.filter((f) => f.targetId === c.id).at(-1)?.verdict;
        const isDiscordant = c.outcome === 'ai-only' || c.outcome === 'reader-only';
        const what = c.scope === 'breast' ? t(c.laterality === 'R' ? 'right' : 'left') : t(`lexicon:chest.${c.finding}`);
        return (
          <article
            key={c.id}
            className={isDiscordant ? 'report-comparison discordant' : 'report-comparison'}
            data-testid="comparison"
            data-comparison={c.id}
            data-outcome={c.outcome}
            tabIndex={0}
            onKeyDown={(e) => {
              const index = ['1', '2', '3'].indexOf(e.key);
              if (index < 0 || disabled) return;
              e.preventDefault();
              onFeedback({ targetId: c.id, verdict: VERDICTS[index]! });
            }}
          >
            <header>
              <strong>{what}</strong>
            </header>
            <div className="report-side-by-side">
              <div>
                <span>{t('reader')}</span>: {c.scope === 'breast' ? `BI-RADS ${c.readerValue}` : t(c.readerValue)} ({call(c, 'reader')})
              </div>
              <div>
                <span>{t('ai')}</span>: {call(c, 'ai')}
                {c.aiScore !== undefined && ` · ${Math.round(c.aiScore * 100)}%`}
              </div>
            </div>
            {views.length > 0 && (
              <div className="report-heatmaps">
                {views.map((v) => (
                  <HeatmapThumb key={v.sopInstanceUid} heatmap={v.heatmap!} label={t('heatmap', { view: `${v.laterality ?? ''}${v.view ?? ''}` })} />
                ))}
              </div>
            )}
            <div className="report-row" role="group" aria-label={t('feedback')}>
              {VERDICTS.map((v, i) => (
                <button key={v} type="button" disabled={disabled} aria-pressed={verdict === v} data-testid={`feedback-${v}`} onClick={() => onFeedback({ targetId: c.id, verdict: v })} title={`${i + 1}`}>
                  {t(VERDICT_KEY[v])}
                </button>
              ))}
            </div>
          </article>
        );
      })}
    </section>
  );
}
