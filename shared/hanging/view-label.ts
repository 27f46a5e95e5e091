import type { ImageAttributes } from './image-attributes';
import type { ViewModifier } from './view-codes';

/** Modifiers written before the side (`MRCC`), after the view (`LCCID`), or instead of it (`RAT`). */
const PREFIX: readonly ViewModifier[] = ['M', 'S'];
const SUFFIX: readonly ViewModifier[] = ['RL', 'RM', 'RI', 'RS', 'ID', 'NP', 'AC', 'IMF', 'AX'];
const REPLACES_VIEW: readonly ViewModifier[] = ['CV', 'AT', 'TAN'];

/**
 * The view as a radiologist labels it, MQCM style (DOMAIN.md §1.3): `RMLO`, `LCCID`, `MRCC`.
 * Chest views read as their ViewPosition term (`PA`, `LL`); an unknown view gives ''.
 */
export function viewLabel(image: Pick<ImageAttributes, 'imageLaterality' | 'view' | 'viewModifiers'>): string {
  const side = image.imageLaterality === 'R' || image.imageLaterality === 'L' ? image.imageLaterality : '';
  if (!image.view) return '';
  if (image.view === 'SPECIMEN') return `${side} specimen`.trim();
  const modifiers = image.viewModifiers;
  const prefix = PREFIX.filter((m) => modifiers.includes(m)).join('');
  const suffix = SUFFIX.filter((m) => modifiers.includes(m)).join('');
  const replacement = REPLACES_VIEW.find((m) => modifiers.includes(m));
  return `${prefix}${side}${replacement ?? image.view}${suffix}`;
}
