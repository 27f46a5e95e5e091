import type { CSSProperties } from 'react';
import type { StudyAiResult } from '../../../shared/domain/ai-result';
import { useT } from '../../app/i18n';
import { ModelCard } from './ModelCard';
import type { ModelCardView } from './modelCardView';
import { formatDuration, formatScore, studyCategory, viewName } from './resultSummary';
import { BACKEND_NAMES } from './backendNames';

export interface AiPanelProps {
  /** The result as `inference.getResult` returned it. The caller decides when it may be shown. */
  result: StudyAiResult;
  /** The pack's model card; shown under the scores. */
  card: ModelCardView | undefined;
}

const panel: CSSProperties = { width: 340, flex: '0 0 340px', overflow: 'auto', borderLeft: '1px solid var(--line)', padding: '8px 12px', background: 'var(--panel)', fontSize: 13 };
const table: CSSProperties = { borderCollapse: 'collapse', width: '100%', margin: '4px 0 8px' };
const cell: CSSProperties = { padding: '1px 6px', borderBottom: '1px solid var(--line)', textAlign: 'right' };
const head: CSSProperties = { ...cell, textAlign: 'left', fontWeight: 500, color: 'var(--muted)' };
const badge = (positive: boolean): CSSProperties => ({ padding: '0 6px', borderRadius: 3, fontWeight: 700, color: '#000', background: positive ? '#f2c14e' : '#7bd88f' });

function ScoreTable({ rows, labels, testId }: { rows: Array<{ key: string; name: string; scores: Record<string, number>; positive?: boolean }>; labels: string[]; testId: string }) {
  return (
    <table style={table} data-testid={testId}>
      <thead>
        <tr>
          <th style={head} />
          {labels.map((label) => (
            <th key={label} style={head}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`${testId}-row`} data-key={row.key} data-positive={row.positive === undefined ? undefined : String(row.positive)}>
            <th style={head}>{row.name}</th>
            {labels.map((label) => (
              <td key={label} style={cell}>
                {formatScore(row.scores[label] ?? Number.NaN)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The AI second reader's result for the open study: the category at the operating point, scores
 * per study, per breast (mammography) or per finding (chest) and per view, which backend ran and
 * how long it took, and the pack's model card. A component with explicit props, so the reading
 * workflow (issue 6) decides when it is mounted.
 */
export function AiPanel({ result, card }: AiPanelProps) {
  const t = useT();
  const category = studyCategory(result);
  const labels = Object.keys(result.study.scores);
  const op = result.operatingPoint;
  return (
    <aside className="ai-panel" style={panel} aria-label={t('ai.panel.title')} data-testid="ai-panel" data-pack-id={result.pack.id} data-computed-at={result.computedAt}>
      <h2 style={{ fontSize: 15, margin: '0 0 4px' }}>{t('ai.panel.title')}</h2>
      {result.pack.notForClinicalUse ? (
        <p data-testid="ai-not-for-clinical-use" style={{ margin: '4px 0', color: '#fff', background: '#c62828', padding: '2px 8px', borderRadius: 3, fontWeight: 700 }}>
          {t('ai.card.notForClinicalUse')}
        </p>
      ) : null}
      <p style={{ margin: '4px 0' }} data-testid="ai-category" data-category={category.kind}>
        {t('ai.panel.category')}:{' '}
        {category.kind === 'class' ? (
          <strong>{category.label}</strong>
        ) : (
          <span style={badge(category.kind === 'positive')}>{category.kind === 'positive' ? t('ai.panel.positive') : t('ai.panel.negative')}</span>
        )}
        {category.kind === 'positive' && category.findings.length > 0 ? ` (${category.findings.join(', ')})` : ''}
      </p>
      <p style={{ margin: '4px 0', color: 'var(--muted)' }} data-testid="ai-operating-point">
        {t('ai.panel.operatingPoint')}: {op.name} ≥ {formatScore(op.threshold)}
        {op.sensitivity !== undefined ? ` · ${t('ai.panel.sensitivity')} ${formatScore(op.sensitivity)}` : ''}
        {op.specificity !== undefined ? ` · ${t('ai.panel.specificity')} ${formatScore(op.specificity)}` : ''}
      </p>
      <p style={{ margin: '4px 0', color: 'var(--muted)' }} data-testid="ai-backend" data-backend={result.backend}>
        {t('ai.panel.ranOn')} {BACKEND_NAMES[result.backend]} · {formatDuration(result.durationMs)}
      </p>
      <h3 style={{ fontSize: 13, margin: '8px 0 0' }}>{t('ai.panel.study')}</h3>
      <ScoreTable testId="ai-study-scores" labels={labels} rows={[{ key: 'study', name: t('ai.panel.study'), scores: result.study.scores, positive: result.study.positive }]} />
      {result.breasts.length > 0 ? (
        <>
          <h3 style={{ fontSize: 13, margin: '8px 0 0' }}>{t('ai.panel.breasts')}</h3>
          <ScoreTable
            testId="ai-breast-scores"
            labels={labels}
            rows={result.breasts.map((b) => ({ key: b.laterality, name: b.laterality === 'R' ? t('ai.panel.right') : t('ai.panel.left'), scores: b.scores, positive: b.positive }))}
          />
        </>
      ) : null}
      {result.findings.length > 0 ? (
        <>
          <h3 style={{ fontSize: 13, margin: '8px 0 0' }}>{t('ai.panel.findings')}</h3>
          <ScoreTable testId="ai-finding-scores" labels={['score']} rows={result.findings.map((f) => ({ key: f.finding, name: f.finding, scores: { score: f.score }, positive: f.positive }))} />
        </>
      ) : null}
      <h3 style={{ fontSize: 13, margin: '8px 0 0' }}>{t('ai.panel.views')}</h3>
      <ScoreTable
        testId="ai-view-scores"
        labels={labels.length > 0 ? labels : Object.keys(result.views[0]?.scores ?? {})}
        rows={result.views.map((v, i) => ({ key: v.sopInstanceUid, name: viewName(v, `#${i + 1}`), scores: v.scores }))}
      />
      {card ? <ModelCard card={card} /> : null}
    </aside>
  );
}
