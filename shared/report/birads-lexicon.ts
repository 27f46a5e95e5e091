import { code, type CodedConcept } from './coded-concept';

/**
 * ACR BI-RADS 5th edition as data: every value a reader can pick, with the DICOM code it is
 * written as (DOMAIN.md §3). A value without a verified code is written as text, never with a
 * guessed code.
 */

export const BREAST_COMPOSITION = {
  a: code('129716005', 'SCT', 'Almost entirely fatty'),
  b: code('129717001', 'SCT', 'Scattered fibroglandular density'),
  c: code('129718006', 'SCT', 'Heterogeneously dense'),
  d: code('129719003', 'SCT', 'Extremely dense'),
} as const satisfies Record<string, CodedConcept>;
export type BreastComposition = keyof typeof BREAST_COMPOSITION;
export const BREAST_COMPOSITIONS = Object.keys(BREAST_COMPOSITION) as BreastComposition[];

/** Assessment categories (CID 6026/6027); 4 may be refined to 4A/4B/4C. */
export const ASSESSMENT = {
  '0': code('397138000', 'SCT', 'Incomplete'),
  '1': code('397140005', 'SCT', 'Negative'),
  '2': code('397141009', 'SCT', 'Benign'),
  '3': code('397143007', 'SCT', 'Probably benign'),
  '4': code('397144001', 'SCT', 'Suspicious'),
  '4A': code('MA.II.A.5.4A', 'BI', 'Low suspicion for malignancy', '4.0'),
  '4B': code('MA.II.A.5.4B', 'BI', 'Moderate suspicion for malignancy', '4.0'),
  '4C': code('MA.II.A.5.4C', 'BI', 'High suspicion for malignancy', '4.0'),
  '5': code('397145000', 'SCT', 'Highly suggestive of malignancy'),
  '6': code('MA.II.A.5.6', 'BI', 'Known biopsy proven malignancy', '4.0'),
} as const satisfies Record<string, CodedConcept>;
export type BiRadsAssessment = keyof typeof ASSESSMENT;
export const BIRADS_ASSESSMENTS = Object.keys(ASSESSMENT) as BiRadsAssessment[];

/** The 0–6 category a refined assessment belongs to (4A → 4). */
export function assessmentCategory(a: BiRadsAssessment): number {
  return Number.parseInt(a, 10);
}

/** The management recommendation BI-RADS pairs with each category. */
export const MANAGEMENT = {
  'routine-screening': 'Routine screening',
  'recall-additional-imaging': 'Recall for additional imaging and/or comparison with priors',
  'short-interval-follow-up': 'Short-interval (6-month) follow-up',
  'tissue-diagnosis': 'Tissue diagnosis',
  'surgical-excision': 'Surgical excision when clinically appropriate',
} as const;
export type ManagementRecommendation = keyof typeof MANAGEMENT;
export const MANAGEMENT_RECOMMENDATIONS = Object.keys(MANAGEMENT) as ManagementRecommendation[];

export function defaultManagement(a: BiRadsAssessment): ManagementRecommendation {
  const category = assessmentCategory(a);
  if (category === 0) return 'recall-additional-imaging';
  if (category === 3) return 'short-interval-follow-up';
  if (category === 4 || category === 5) return 'tissue-diagnosis';
  if (category === 6) return 'surgical-excision';
  return 'routine-screening';
}

export const MASS_SHAPE = {
  oval: code('84360004', 'SCT', 'Oval'),
  round: code('42700002', 'SCT', 'Round'),
  irregular: code('49608001', 'SCT', 'Irregular'),
} as const satisfies Record<string, CodedConcept>;

export const MASS_MARGIN = {
  circumscribed: code('129738007', 'SCT', 'Circumscribed'),
  obscured: code('129740002', 'SCT', 'Obscured'),
  microlobulated: code('129739004', 'SCT', 'Microlobulated'),
  indistinct: code('129741003', 'SCT', 'Indistinct'),
  spiculated: code('129742005', 'SCT', 'Spiculated'),
} as const satisfies Record<string, CodedConcept>;

export const MASS_DENSITY = {
  high: code('129744006', 'SCT', 'High density'),
  equal: code('129745007', 'SCT', 'Equal density'),
  low: code('129746008', 'SCT', 'Low density'),
  'fat-containing': code('129747004', 'SCT', 'Fat-containing'),
} as const satisfies Record<string, CodedConcept>;

/** Calcification morphology; `undefined` where no code was verified (written as text). */
export const CALCIFICATION_MORPHOLOGY: Record<string, CodedConcept | undefined> = {
  skin: undefined,
  vascular: undefined,
  'coarse-popcorn': code('129749001', 'SCT', 'Coarse or popcorn-like'),
  'large-rod-like': undefined,
  round: undefined,
  rim: undefined,
  dystrophic: undefined,
  'milk-of-calcium': code('129753004', 'SCT', 'Milk of calcium'),
  suture: undefined,
  amorphous: code('129760005', 'SCT', 'Amorphous'),
  'coarse-heterogeneous': code('129763007', 'SCT', 'Heterogeneous'),
  'fine-pleomorphic': code('111344', 'DCM', 'Fine pleomorphic calcification'),
  'fine-linear-branching': code('129762002', 'SCT', 'Fine linear or branching'),
};
export const CALCIFICATION_MORPHOLOGIES = [
  'skin', 'vascular', 'coarse-popcorn', 'large-rod-like', 'round', 'rim', 'dystrophic', 'milk-of-calcium', 'suture',
  'amorphous', 'coarse-heterogeneous', 'fine-pleomorphic', 'fine-linear-branching',
] as const;

export const CALCIFICATION_DISTRIBUTION = {
  diffuse: code('129764001', 'SCT', 'Diffuse'),
  regional: code('129767008', 'SCT', 'Regional'),
  grouped: code('129766004', 'SCT', 'Grouped'),
  linear: code('129765000', 'SCT', 'Linear'),
  segmental: code('129768003', 'SCT', 'Segmental'),
} as const satisfies Record<string, CodedConcept>;

/** Asymmetry types; global and developing asymmetry have no codes (DOMAIN.md §3). */
export const ASYMMETRY: Record<string, CodedConcept | undefined> = {
  asymmetry: code('129790003', 'SCT', 'Asymmetry'),
  focal: code('129789007', 'SCT', 'Focal asymmetry'),
  global: undefined,
  developing: undefined,
};
export const ASYMMETRY_TYPES = ['asymmetry', 'focal', 'global', 'developing'] as const;

export const ASSOCIATED_FEATURE = {
  'nipple-retraction': code('271955004', 'SCT', 'Nipple retraction'),
  'skin-thickening': code('129797000', 'SCT', 'Skin thickening'),
  'axillary-adenopathy': code('127189005', 'SCT', 'Axillary adenopathy'),
  'architectural-distortion': code('129792006', 'SCT', 'Architectural distortion'),
  calcifications: code('129769006', 'SCT', 'Calcification Cluster'),
} as const satisfies Record<string, CodedConcept>;

/** Finding types (CID 6054 / 6016): the concept each finding is written as. */
export const FINDING_TYPE = {
  mass: code('129788004', 'SCT', 'Mass'),
  calcification: code('129769006', 'SCT', 'Calcification Cluster'),
  asymmetry: code('129790003', 'SCT', 'Asymmetry'),
  'architectural-distortion': code('129792006', 'SCT', 'Architectural distortion'),
  'intramammary-node': code('443808008', 'SCT', 'Intramammary lymph node'),
} as const satisfies Record<string, CodedConcept>;
export type MammoFindingType = keyof typeof FINDING_TYPE;

export const CLOCK_FACE: Record<number, CodedConcept> = Object.fromEntries(
  ['129772004', '129773009', '129774003', '129775002', '129776001', '129777005', '129778000', '129779008', '129780006', '129781005', '129782003', '129783008'].map(
    (value, i) => [i + 1, code(value, 'SCT', `${i + 1} o'clock position`)],
  ),
);

export const CLOCK_SPECIAL = {
  subareolar: code('129784002', 'SCT', 'Subareolar'),
  central: code('129786000', 'SCT', 'Central'),
  'axillary-tail': code('129785001', 'SCT', 'Axillary tail'),
} as const satisfies Record<string, CodedConcept>;

export const DEPTH = {
  anterior: code('255549009', 'SCT', 'Anterior'),
  middle: code('C25569', 'NCIt', 'Middle'),
  posterior: code('255551008', 'SCT', 'Posterior'),
} as const satisfies Record<string, CodedConcept>;

export const LATERALITY_CODE = {
  R: code('73056007', 'SCT', 'Right breast'),
  L: code('80248007', 'SCT', 'Left breast'),
  B: code('63762007', 'SCT', 'Both breasts'),
} as const satisfies Record<string, CodedConcept>;
