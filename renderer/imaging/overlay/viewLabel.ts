/**
 * The laterality and view a reader reads in a corner ("R CC", "L MLO", "PA"), from Image
 * Laterality and the View Code Sequence with its modifiers; View Position only as a fallback
 * (DOMAIN.md §1.1: CC/MLO in View Position is a vendor habit). Codes are compared by scheme and
 * value, never by meaning; SCT and the legacy SRT/SNM3 ids are both accepted.
 */

interface Code {
  CodeValue?: unknown;
  CodingSchemeDesignator?: unknown;
}

/** CID 4014 (mammography) and CID 4010 (chest) views: SCT and legacy SRT code values. */
const VIEWS: Record<string, string> = {
  '399260004': 'ML', 'R-10224': 'ML',
  '399368009': 'MLO', 'R-10226': 'MLO',
  '399352003': 'LM', 'R-10228': 'LM',
  '399099002': 'LMO', 'R-10230': 'LMO',
  '399162004': 'CC', 'R-10242': 'CC',
  '399196006': 'FB', 'R-10244': 'FB',
  '399188001': 'SIO', 'R-102D0': 'SIO',
  '441555000': 'ISO', 'R-40AAA': 'ISO',
  '399192008': 'XCCL', 'R-1024A': 'XCCL', 'Y-X1770': 'XCCL',
  '399101009': 'XCCM', 'R-1024B': 'XCCM', 'Y-X1771': 'XCCM',
  '127457009': 'SPECIMEN', 'G-8310': 'SPECIMEN',
  '272479007': 'PA',
  '399348003': 'AP',
  '399173006': 'LL',
  '399198007': 'RL',
  '399067008': 'LAT',
};

/** CID 4015 modifiers: where they go around the view abbreviation. */
const MODIFIERS: Record<string, { text: string; at: 'prefix' | 'suffix' | 'replace' }> = {
  '399161006': { text: 'CV', at: 'replace' }, 'R-102D2': { text: 'CV', at: 'replace' },
  '399011000': { text: 'AT', at: 'suffix' }, 'R-102D1': { text: 'AT', at: 'suffix' },
  '399197002': { text: 'RL', at: 'suffix' }, 'R-102D3': { text: 'RL', at: 'suffix' },
  '399226006': { text: 'RM', at: 'suffix' }, 'R-102D4': { text: 'RM', at: 'suffix' },
  '414493004': { text: 'RI', at: 'suffix' }, 'R-102CA': { text: 'RI', at: 'suffix' },
  '415670009': { text: 'RS', at: 'suffix' }, 'R-102C9': { text: 'RS', at: 'suffix' },
  '399209000': { text: 'ID', at: 'suffix' }, 'R-102D5': { text: 'ID', at: 'suffix' },
  '399163009': { text: 'M', at: 'prefix' }, 'R-102D6': { text: 'M', at: 'prefix' },
  '399055006': { text: 'S', at: 'prefix' }, 'R-102D7': { text: 'S', at: 'prefix' },
  '399110001': { text: 'TAN', at: 'replace' }, 'R-102C2': { text: 'TAN', at: 'replace' },
  '442581004': { text: 'NP', at: 'suffix' },
  '441752004': { text: 'AC', at: 'suffix' },
  '442593008': { text: 'IMF', at: 'suffix' },
  '442580003': { text: 'AX', at: 'suffix' },
};

const ACCEPTED_SCHEMES = new Set(['SCT', 'SRT', 'SNM3', 'DCM']);

function codeKey(code: unknown): string | undefined {
  if (!code || typeof code !== 'object') return undefined;
  const { CodeValue, CodingSchemeDesignator } = code as Code;
  const scheme = typeof CodingSchemeDesignator === 'string' ? CodingSchemeDesignator.trim().toUpperCase() : '';
  return typeof CodeValue === 'string' && ACCEPTED_SCHEMES.has(scheme) ? CodeValue.trim() : undefined;
}

const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []);
const text = (value: unknown): string | undefined => {
  const raw = Array.isArray(value) ? value[0] : value;
  return typeof raw === 'string' && raw.trim() ? raw.trim().toUpperCase() : undefined;
};

/** The view with its modifiers ("CC", "MLOAT", "MCC", "CV"), or undefined. */
export function viewAbbreviation(attributes: { ViewCodeSequence?: unknown; ViewPosition?: unknown }): string | undefined {
  const view = items(attributes.ViewCodeSequence)[0] as { ViewModifierCodeSequence?: unknown } | undefined;
  const key = codeKey(view);
  let abbreviation = key ? VIEWS[key] : undefined;
  if (!abbreviation) return text(attributes.ViewPosition);
  let prefix = '';
  let suffix = '';
  for (const modifier of items(view?.ViewModifierCodeSequence)) {
    const found = MODIFIERS[codeKey(modifier) ?? ''];
    if (!found) continue;
    if (found.at === 'replace') abbreviation = found.text;
    else if (found.at === 'prefix') prefix += found.text;
    else suffix += found.text;
  }
  return `${prefix}${abbreviation}${suffix}`;
}

/** Image Laterality (0020,0062) as R, L or B. */
export function imageLaterality(attributes: { ImageLaterality?: unknown }): string | undefined {
  const value = text(attributes.ImageLaterality);
  return value === 'R' || value === 'L' || value === 'B' ? value : undefined;
}
