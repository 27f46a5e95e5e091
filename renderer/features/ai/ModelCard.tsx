import { useT } from '../../app/i18n';
import type { ModelCardView } from './modelCardView';

const warning = { background: '#c62828', color: '#fff', fontWeight: 700, padding: '2px 8px', borderRadius: 3, letterSpacing: '0.04em' } as const;

/** A pack's model card: what it is for, what it learnt from, how well it did, and its status. */
export function ModelCard({ card }: { card: ModelCardView }) {
  const t = useT();
  return (
    <section className="model-card" data-testid="model-card" data-pack-id={card.packId} aria-label={`${t('ai.card.title')}: ${card.name}`}>
      <h3 style={{ margin: '4px 0', fontSize: 14 }}>
        {card.name} <span style={{ color: 'var(--muted)', fontWeight: 400 }}>{card.version}</span>
      </h3>
      {card.notForClinicalUse ? (
        <p role="note" data-testid="not-for-clinical-use" style={warning}>
          {t('ai.card.notForClinicalUse')}
        </p>
      ) : null}
      <dl className="model-card__fields">
        <dt>{t('ai.card.description')}</dt>
        <dd data-testid="model-card-description">{card.description}</dd>
        <dt>{t('ai.card.intendedUse')}</dt>
        <dd>{card.intendedUse}</dd>
        <dt>{t('ai.card.trainingData')}</dt>
        <dd>{card.trainingData}</dd>
        {card.validationData ? (
          <>
            <dt>{t('ai.card.validationData')}</dt>
            <dd>{card.validationData}</dd>
          </>
        ) : null}
        <dt>{t('ai.card.metrics')}</dt>
        <dd>
          {card.metrics.length === 0 ? (
            t('ai.card.noMetrics')
          ) : (
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {card.metrics.map((m) => (
                <li key={`${m.name}:${m.dataset ?? ''}`} data-testid="model-card-metric">
                  {m.name}: {m.value}
                  {m.dataset ? ` (${m.dataset})` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('ai.card.clinicalStatus')}</dt>
        <dd data-testid="clinical-status">{card.clinicalStatus}</dd>
        {card.limitations.length > 0 ? (
          <>
            <dt>{t('ai.card.limitations')}</dt>
            <dd>
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {card.limitations.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('ai.card.licence')}</dt>
        <dd>{card.licence}</dd>
      </dl>
    </section>
  );
}
