/**
 * Views and view modifiers as the clinic names them, and the codes that carry them: CID 4014
 * (mammography views), CID 4015 (view modifiers) and CID 4010 (projection radiography views).
 * Codes are compared by scheme and value, never by meaning text (DOMAIN.md §1.2, §1.3, §2).
 */

/** Mammography views (MQCM abbreviations), plus a breast tissue specimen. */
export const MAMMO_VIEWS = ['CC', 'MLO', 'ML', 'LM', 'LMO', 'FB', 'SIO', 'ISO', 'XCCL', 'XCCM', 'SPECIMEN'] as const;
/** Projection radiography views: ViewPosition defined terms, plus `LAT` for an unsided lateral. */
export const CHEST_VIEWS = ['PA', 'AP', 'LL', 'RL', 'LAT', 'RLD', 'LLD', 'RLO', 'LLO'] as const;
export const VIEWS = [...MAMMO_VIEWS, ...CHEST_VIEWS] as const;
export type View = (typeof VIEWS)[number];

/**
 * View modifiers (MQCM abbreviations). `OTHER` stands for a modifier code Tandem does not know:
 * the image is still not a plain screening view, so it must not take a screening slot.
 */
export const VIEW_MODIFIERS = ['CV', 'AT', 'RL', 'RM', 'RI', 'RS', 'ID', 'M', 'S', 'TAN', 'NP', 'AC', 'IMF', 'AX', 'OTHER'] as const;
export type ViewModifier = (typeof VIEW_MODIFIERS)[number];

/** One coded value as it appears in a code sequence item. */
export interface CodedValue {
  value: string;
  scheme: string;
}

/** [name, SCT codes, legacy SNOMED ids (sent with scheme SRT or SNM3)] */
type CodeRow<T> = readonly [T, readonly string[], readonly string[]];

const VIEW_CODES: readonly CodeRow<View>[] = [
  ['ML', ['399260004'], ['R-10224']],
  ['MLO', ['399368009'], ['R-10226']],
  ['LM', ['399352003'], ['R-10228']],
  ['LMO', ['399099002'], ['R-10230']],
  ['CC', ['399162004'], ['R-10242']],
  ['FB', ['399196006'], ['R-10244']],
  ['SIO', ['399188001'], ['R-102D0']],
  ['ISO', ['441555000'], ['R-40AAA']],
  ['XCCL', ['399192008'], ['R-1024A', 'Y-X1770']],
  ['XCCM', ['399101009'], ['R-1024B', 'Y-X1771']],
  ['SPECIMEN', ['127457009'], ['G-8310']],
  // 399066004 is the SCT id PixelMed pairs with R-10214; DOMAIN.md §2 lists 272479007. Accept both.
  ['PA', ['272479007', '399066004'], ['R-10214']],
  ['AP', ['399348003'], ['R-10206']],
  ['LL', ['399173006'], ['R-10236']],
  ['RL', ['399198007'], ['R-10232']],
  ['LAT', ['399067008'], ['R-102CD']],
  ['RLO', ['399236003'], ['R-10234']],
  ['LLO', ['399184004'], ['R-10238']],
];

const MODIFIER_CODES: readonly CodeRow<ViewModifier>[] = [
  ['CV', ['399161006'], ['R-102D2']],
  ['AT', ['399011000'], ['R-102D1']],
  ['RL', ['399197002'], ['R-102D3']],
  ['RM', ['399226006'], ['R-102D4']],
  ['RI', ['414493004'], ['R-102CA']],
  ['RS', ['415670009'], ['R-102C9']],
  ['ID', ['399209000'], ['R-102D5']],
  ['M', ['399163009'], ['R-102D6']],
  ['S', ['399055006'], ['R-102D7']],
  ['TAN', ['399110001'], ['R-102C2']],
  ['NP', ['442581004'], ['R-40AB3']],
  ['AC', ['441752004'], ['P2-00161']],
  ['IMF', ['442593008'], ['R-40ABE']],
  ['AX', ['442580003'], ['R-40AB2']],
];

/** SNOMED CT, and the two designators older devices send for the legacy SNOMED ids. */
const LEGACY_SCHEMES = ['SRT', 'SNM3'] as const;

function indexCodes<T>(rows: readonly CodeRow<T>[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const [name, sct, legacy] of rows) {
    for (const value of sct) index.set(codeKey({ scheme: 'SCT', value }), name);
    for (const value of legacy) for (const scheme of LEGACY_SCHEMES) index.set(codeKey({ scheme, value }), name);
  }
  return index;
}

function codeKey(code: CodedValue): string {
  return `${code.scheme.trim().toUpperCase()}|${code.value.trim().toUpperCase()}`;
}

const viewsByCode = indexCodes(VIEW_CODES);
const modifiersByCode = indexCodes(MODIFIER_CODES);

/** The view a ViewCodeSequence item names, or undefined for a code Tandem does not know. */
export function viewFromCode(code: CodedValue): View | undefined {
  return viewsByCode.get(codeKey(code));
}

/** The modifier a ViewModifierCodeSequence item names; `OTHER` for an unknown code. */
export function viewModifierFromCode(code: CodedValue): ViewModifier {
  return modifiersByCode.get(codeKey(code)) ?? 'OTHER';
}

const VIEW_POSITION_ALIASES: Record<string, View> = { LATERAL: 'LAT' };
const isView = (text: string): text is View => (VIEWS as readonly string[]).includes(text);
const isMammoView = (text: string): boolean => (MAMMO_VIEWS as readonly string[]).includes(text);

/**
 * The view a ViewPosition (0018,5101) value names. DICOM defines only the radiography terms;
 * `CC`/`MLO` there is a vendor habit, sometimes with the side glued on (`RCC`, `LMLO`).
 */
export function viewFromViewPosition(text: string): View | undefined {
  const term = text.trim().toUpperCase().replace(/[\s_-]+/g, '');
  if (isView(term)) return term;
  const alias = VIEW_POSITION_ALIASES[term];
  if (alias) return alias;
  const unsided = term.slice(1);
  if ((term.startsWith('R') || term.startsWith('L')) && isMammoView(unsided)) return unsided as View;
  return undefined;
}
