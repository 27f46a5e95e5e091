import type { ImageAttributes } from './image-attributes';
import type { MatchRule, StudyMatch, ViewportSlot } from './protocol-schema';

/** How well one image meets a rule set: `matched` when every required rule passed. */
export interface RuleOutcome {
  matched: boolean;
  /** The weights of the rules that passed, required and optional alike. */
  score: number;
}

/** Evaluates rules against one image (semantics documented on MatchRule). */
export function evaluateRules(rules: readonly MatchRule[], image: ImageAttributes): RuleOutcome {
  let matched = true;
  let score = 0;
  for (const rule of rules) {
    if (passes(rule, image)) score += rule.weight;
    else if (rule.required) matched = false;
  }
  return { matched, score };
}

/** A study match as plain rules: modality must match, body part must match when present. */
export function studyMatchRules(match: StudyMatch): MatchRule[] {
  const rules: MatchRule[] = [{ attribute: 'modality', oneOf: match.modality, required: true, weight: 1, ifAbsent: 'fail' }];
  if (match.bodyPart) rules.push({ attribute: 'bodyPartExamined', oneOf: match.bodyPart, required: true, weight: 1, ifAbsent: 'pass' });
  return [...rules, ...match.rules];
}

/** A slot's rules, with its `laterality` and `views` shorthands spelt out as required rules. */
export function slotRules(slot: ViewportSlot): MatchRule[] {
  const rules: MatchRule[] = [];
  if (slot.laterality) rules.push({ attribute: 'imageLaterality', equals: slot.laterality, required: true, weight: 1, ifAbsent: 'fail' });
  if (slot.views) rules.push({ attribute: 'view', oneOf: slot.views, required: true, weight: 1, ifAbsent: 'fail' });
  return [...rules, ...slot.rules];
}

function passes(rule: MatchRule, image: ImageAttributes): boolean {
  const raw: unknown = image[rule.attribute];
  const list = Array.isArray(raw) ? raw.map(normalise) : undefined;
  const present = list ? list.length > 0 : raw !== undefined && raw !== '';
  if ('exists' in rule) return present === rule.exists;
  if (!present) return rule.ifAbsent === 'pass';
  const value = list ? list.join('\\') : normalise(raw);
  if ('equals' in rule) return value === normalise(rule.equals);
  if ('oneOf' in rule) return rule.oneOf.map(normalise).includes(value);
  if ('noneOf' in rule) return !rule.noneOf.map(normalise).includes(value);
  const wanted = normalise(rule.contains);
  return list ? list.includes(wanted) : value.includes(wanted);
}

function normalise(value: unknown): string {
  return String(value).trim().toUpperCase();
}
