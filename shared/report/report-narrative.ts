import type { ChestReport } from './chest-report';
import { CHEST_FINDING_IDS } from './chest-report';
import { label } from './lexicon-labels';
import type { MammoFinding, MammoReport } from './mammo-report';
import type { ReaderReport } from './reader-report';

/** One finding as a sentence in the report's language. */
export function describeFinding(f: MammoFinding, language: MammoReport['language']): string {
  const parts: string[] = [label(language, `type.${f.type}`)];
  if (f.mass?.shape) parts.push(label(language, `shape.${f.mass.shape}`));
  if (f.mass?.margin) parts.push(label(language, `margin.${f.mass.margin}`));
  if (f.mass?.density) parts.push(label(language, `density.${f.mass.density}`));
  if (f.calcification?.morphology) parts.push(label(language, `morphology.${f.calcification.morphology}`));
  if (f.calcification?.distribution) parts.push(label(language, `distribution.${f.calcification.distribution}`));
  if (f.asymmetry) parts.push(label(language, `asymmetry.${f.asymmetry}`));
  const where: string[] = [];
  const clock = f.location.clock;
  if (typeof clock === 'number') where.push(label(language, 'clock.hour', clock));
  else if (clock) where.push(label(language, `clock.${clock}`));
  if (f.location.depth) where.push(label(language, `depth.${f.location.depth}`));
  if (f.location.distanceFromNippleCm !== undefined) where.push(label(language, 'distance.cm', f.location.distanceFromNippleCm));
  if (where.length) parts.push(where.join(', '));
  if (f.associatedFeatures.length) parts.push(f.associatedFeatures.map((a) => label(language, `feature.${a}`)).join(', '));
  return parts.join('; ');
}

/** A heading and its lines: what the SR narrative summary and the PDF both print. */
export interface NarrativeSection {
  heading: string;
  lines: string[];
}

export function mammoNarrative(r: MammoReport): NarrativeSection[] {
  const l = r.language;
  const sections: NarrativeSection[] = [];
  if (r.composition) sections.push({ heading: label(l, 'label.composition'), lines: [label(l, `composition.${r.composition}`)] });
  for (const side of ['R', 'L'] as const) {
    const breast = r.breasts[side];
    const lines = breast.findings.length ? breast.findings.map((f) => describeFinding(f, l)) : [label(l, 'label.noFindings')];
    if (breast.assessment) lines.push(`${label(l, 'label.assessment')}: ${label(l, `assessment.${breast.assessment}`)}`);
    sections.push({ heading: label(l, `side.${side}`), lines });
  }
  if (r.overallAssessment) sections.push({ heading: label(l, 'label.overall'), lines: [label(l, `assessment.${r.overallAssessment}`)] });
  if (r.management) sections.push({ heading: label(l, 'label.management'), lines: [label(l, `management.${r.management}`)] });
  if (r.comment.trim()) sections.push({ heading: label(l, 'label.comment'), lines: [r.comment.trim()] });
  return sections;
}

export function chestNarrative(r: ChestReport): NarrativeSection[] {
  const l = r.language;
  const lines = CHEST_FINDING_IDS.map((id) => `${label(l, `chest.${id}`)}: ${r.findings[id] ? label(l, `state.${r.findings[id]}`) : '—'}`);
  const sections: NarrativeSection[] = [{ heading: label(l, 'label.findings'), lines }];
  if (r.impression.trim()) sections.push({ heading: label(l, 'label.impression'), lines: [r.impression.trim()] });
  if (r.freeText.trim()) sections.push({ heading: label(l, 'label.comment'), lines: [r.freeText.trim()] });
  return sections;
}

export function narrative(r: ReaderReport): NarrativeSection[] {
  return r.kind === 'mammo' ? mammoNarrative(r) : chestNarrative(r);
}
