import { displaySpacing } from './display-spacing';
import { displayTransformFor } from './display-transform';
import { isHangable, whyNotHangable } from './hangable';
import { gridFor, type EmptySlotReason, type HungSlot, type HungStage } from './hung-layout';
import type { ImageAttributes } from './image-attributes';
import { studyDate } from './prior-studies';
import type { MatchRule, SlotStage, ViewportSlot } from './protocol-schema';
import { evaluateRules, slotRules } from './rule-evaluation';
import { renderLabel } from './slot-label';

/** The current study, the relevant priors (most recent first) and the protocol's study rules. */
export interface ReadingStudies {
  current: readonly ImageAttributes[];
  priors: readonly (readonly ImageAttributes[])[];
  /** Every slot of the protocol also requires these, so an RG film never takes an MG slot. */
  studyRules: readonly MatchRule[];
}

/**
 * Fills a fixed layout. Each slot takes the best image of its study that meets its required
 * rules and is not already shown in this stage: the highest score wins, then the higher
 * InstanceNumber (a retake usually replaces the first exposure).
 */
export function hangSlotStage(stage: SlotStage, studies: ReadingStudies): HungStage {
  const used = new Set<string>();
  const filled = stage.slots.map((slot, index) => {
    const rules = [...studies.studyRules, ...slotRules(slot)];
    const study = slot.study === 'current' ? studies.current : studies.priors[slot.prior - 1];
    const cell = { row: Math.floor(index / stage.layout.columns), column: index % stage.layout.columns };
    const base = { slotId: slot.id, name: slot.name, ...cell, study: slot.study, scaleGroup: slot.display.scaleGroup, linkGroup: slot.display.linkGroup };
    if (!study) return { slot, hung: { ...base, kind: 'empty', reason: noPrior(slot) } satisfies HungSlot };
    const image = pickImage(rules, study, used);
    if (!image) return { slot, hung: { ...base, kind: 'empty', reason: noImage(slot, rules, study) } satisfies HungSlot };
    used.add(image.sopInstanceUID);
    return {
      slot,
      hung: {
        ...base,
        kind: 'image',
        image,
        label: renderLabel(slot.display.label, image, slot.study) || slot.name,
        displayTransform: displayTransformFor(image, slot.display),
        displaySpacing: displaySpacing(image),
      } satisfies HungSlot,
    };
  });
  const anyImage = filled.some(({ hung }) => hung.kind === 'image');
  const kept = anyImage ? filled.filter(({ slot, hung }) => !(slot.optional && hung.kind === 'empty')) : filled;
  const layout = kept.length === filled.length ? stage.layout : gridFor(kept.length);
  const slots: HungSlot[] = kept.map(({ hung }, index) => ({ ...hung, row: Math.floor(index / layout.columns), column: index % layout.columns }));
  return { name: stage.name, layout, slots, filled: slots.filter((s) => s.kind === 'image').length };
}

function pickImage(rules: readonly MatchRule[], study: readonly ImageAttributes[], used: ReadonlySet<string>): ImageAttributes | undefined {
  let best: { image: ImageAttributes; score: number } | undefined;
  for (const image of study) {
    if (used.has(image.sopInstanceUID) || !isHangable(image)) continue;
    const { matched, score } = evaluateRules(rules, image);
    if (!matched) continue;
    if (!best || score > best.score || (score === best.score && (image.instanceNumber ?? -Infinity) > (best.image.instanceNumber ?? -Infinity))) {
      best = { image, score };
    }
  }
  return best?.image;
}

function noPrior(slot: ViewportSlot): EmptySlotReason {
  const which = slot.prior === 1 ? 'a prior study' : `${slot.prior} prior studies`;
  return { code: 'no-prior-study', message: `No ${slot.name} prior: this patient does not have ${which} to compare with.` };
}

function noImage(slot: ViewportSlot, rules: readonly MatchRule[], study: readonly ImageAttributes[]): EmptySlotReason {
  const refused = (code: string) => study.some((image) => whyNotHangable(image)?.code === code && evaluateRules(rules, image).matched);
  if (refused('for-processing')) {
    return { code: 'for-processing-only', message: `The ${slot.name} in this study is For Processing only; raw images are never displayed.` };
  }
  const which = slot.study === 'current' ? 'the current study' : `the prior study${dateSuffix(study)}`;
  if (refused('derived-overlay')) {
    return {
      code: 'derived-overlay-only',
      message: `No ${slot.name} in ${which}: the only match is a picture made from another image (such as an AI heatmap), which is never hung in place of the image.`,
    };
  }
  return { code: 'no-matching-image', message: `No ${slot.name} in ${which}.` };
}

function dateSuffix(study: readonly ImageAttributes[]): string {
  const date = studyDate(study);
  return date ? ` of ${date.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')}` : '';
}
