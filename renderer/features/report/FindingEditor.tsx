import { useTranslation } from 'react-i18next';
import {
  ASSOCIATED_FEATURE,
  ASYMMETRY_TYPES,
  CALCIFICATION_DISTRIBUTION,
  CALCIFICATION_MORPHOLOGIES,
  DEPTH,
  MASS_DENSITY,
  MASS_MARGIN,
  MASS_SHAPE,
} from '../../../shared/report/birads-lexicon';
import type { ClockPosition, ImagePoint, MammoFinding } from '../../../shared/report/mammo-report';
import { Choice } from './Choice';

interface Props {
  finding: MammoFinding;
  disabled: boolean;
  onChange(f: MammoFinding): void;
  onRemove(): void;
  /** Starts placing this finding by clicking an image; resolves with the point (or undefined when cancelled). */
  onPlace(): Promise<ImagePoint | undefined>;
}

const keys = <T extends object>(o: T) => Object.keys(o) as Array<Extract<keyof T, string>>;
const CLOCKS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', 'subareolar', 'central', 'axillary-tail'] as const;

/** One BI-RADS finding: its descriptors by type, its location, associated features. */
export function FindingEditor({ finding: f, disabled, onChange, onRemove, onPlace }: Props) {
  const { t } = useTranslation();
  const lex = (key: string) => t(`lexicon:${key}`);
  const clock = f.location.clock === undefined ? undefined : String(f.location.clock);
  const setLocation = (change: Partial<MammoFinding['location']>) => onChange({ ...f, location: { ...f.location, ...change } });
  return (
    <fieldset className="report-finding" data-testid="finding" data-finding-type={f.type} disabled={disabled}>
      <legend>{lex(`type.${f.type}`)}</legend>
      {f.type === 'mass' && (
        <>
          <Choice label={t('shape')} value={f.mass?.shape} options={keys(MASS_SHAPE)} text={(o) => lex(`shape.${o}`)} onChange={(shape) => onChange({ ...f, mass: { ...f.mass, shape } })} testId="mass-shape" />
          <Choice label={t('margin')} value={f.mass?.margin} options={keys(MASS_MARGIN)} text={(o) => lex(`margin.${o}`)} onChange={(margin) => onChange({ ...f, mass: { ...f.mass, margin } })} testId="mass-margin" />
          <Choice label={t('density')} value={f.mass?.density} options={keys(MASS_DENSITY)} text={(o) => lex(`density.${o}`)} onChange={(density) => onChange({ ...f, mass: { ...f.mass, density } })} testId="mass-density" />
        </>
      )}
      {f.type === 'calcification' && (
        <>
          <Choice label={t('morphology')} value={f.calcification?.morphology} options={CALCIFICATION_MORPHOLOGIES} text={(o) => lex(`morphology.${o}`)} onChange={(morphology) => onChange({ ...f, calcification: { ...f.calcification, morphology } })} testId="calc-morphology" />
          <Choice label={t('distribution')} value={f.calcification?.distribution} options={keys(CALCIFICATION_DISTRIBUTION)} text={(o) => lex(`distribution.${o}`)} onChange={(distribution) => onChange({ ...f, calcification: { ...f.calcification, distribution } })} testId="calc-distribution" />
        </>
      )}
      {f.type === 'asymmetry' && <Choice label={t('asymmetryType')} value={f.asymmetry} options={ASYMMETRY_TYPES} text={(o) => lex(`asymmetry.${o}`)} onChange={(asymmetry) => onChange({ ...f, asymmetry })} testId="asymmetry-type" />}
      <Choice
        label={t('clock')}
        value={clock as (typeof CLOCKS)[number] | undefined}
        options={CLOCKS}
        text={(o) => (/^\d+$/.test(o) ? lex('clock.hour').replace('{n}', o) : lex(`clock.${o}`))}
        onChange={(v) => setLocation({ clock: v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : (v as ClockPosition) })}
        testId="clock"
      />
      <Choice label={t('depth')} value={f.location.depth} options={keys(DEPTH)} text={(o) => lex(`depth.${o}`)} onChange={(depth) => setLocation({ depth })} testId="depth" />
      <label className="report-choice">
        <span>{t('distance')}</span>
        <input
          type="number"
          min={0}
          max={40}
          step={0.1}
          data-testid="distance"
          value={f.location.distanceFromNippleCm ?? ''}
          onChange={(e) => setLocation({ distanceFromNippleCm: e.target.value === '' ? undefined : Math.min(40, Math.max(0, Number(e.target.value))) })}
        />
      </label>
      <div className="report-associated" role="group" aria-label={t('associated')}>
        <span>{t('associated')}</span>
        {keys(ASSOCIATED_FEATURE).map((a) => (
          <label key={a}>
            <input
              type="checkbox"
              checked={f.associatedFeatures.includes(a)}
              onChange={(e) => onChange({ ...f, associatedFeatures: e.target.checked ? [...f.associatedFeatures, a] : f.associatedFeatures.filter((x) => x !== a) })}
            />
            {lex(`feature.${a}`)}
          </label>
        ))}
      </div>
      <div className="report-row">
        <button type="button" data-testid="place-on-image" onClick={() => void onPlace().then((point) => point && setLocation({ point }))}>
          {t('placeOnImage')}
        </button>
        {f.location.point && <span data-testid="placed">{t('placedAt', { column: Math.round(f.location.point.column), row: Math.round(f.location.point.row) })}</span>}
        <button type="button" className="report-remove" onClick={onRemove}>
          {t('removeFinding')}
        </button>
      </div>
    </fieldset>
  );
}
