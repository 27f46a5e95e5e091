import type { ImageAttributes } from './image-attributes';
import type { ViewModifier } from './view-codes';

/** Modifiers written before the side (`MRCC`), after the view (`LCCID`), or instead of it (`RAT`). */
const PREFIX: readonly ViewModifier[] = ['M', 'S'];
const SUFFIX: readonly ViewModifier[] = ['RL', 'RM', 'RI', 'RS', 'ID', 'NP', 'AC', 'IMF', 'AX'];
const REPLACES_VIEW: readonly ViewModifier[] = ['CV', 'AT', 'TAN'];

type LabelledView = Pick<ImageAttributes, 'view' | 'viewModifiers'>;

/**
 * The view as a radiologist labels it, MQCM style (DOMAIN.md §1.3): `RMLO`, `LCCID`, `MRCC`.
 * Chest views read as their ViewPosition term (`PA`, `LL`); an unknown view gives ''.
 */
export function viewLabel(image: Pick<ImageAttributes, 'imageLaterality'> & LabelledView): string {
  const side = image.imageLaterality === 'R' || image.imageLaterality === 'L' ? image.imageLaterality : '';
  const parts = viewParts(image);
  if (!parts) return '';
  if (image.view === 'SPECIMEN') return `${side} ${parts.view}`.trim();
  return `${parts.prefix}${side}${parts.view}${parts.suffix}`;
}

/**
 * The view with its modifiers but without the side, for a corner that writes the side apart
 * (`R` `MCC`): `CC`, `MCC`, `CCID`, `AT`, `PA`, `specimen`. Undefined for an unknown view.
 */
export function viewAbbreviation(image: LabelledView): string | undefined {
  const parts = viewParts(image);
  return parts && `${parts.prefix}${parts.view}${parts.suffix}`;
}

function viewParts(image: LabelledView): { prefix: string; view: string; suffix: string } | undefined {
  if (!image.view) return undefined;
  if (image.view === 'SPECIMEN') return { prefix: '', view: 'specimen', suffix: '' };
  const modifiers = image.viewModifiers;
  const replacement = REPLACES_VIEW.find((m) => modifiers.includes(m));
  return {
    prefix: PREFIX.filter((m) => modifiers.includes(m)).join(''),
    view: replacement ?? image.view,
    suffix: SUFFIX.filter((m) => modifiers.includes(m)).join(''),
  };
}
