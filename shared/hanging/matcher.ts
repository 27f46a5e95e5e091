import { hangGridStage } from './hang-grid-stage';
import { hangSlotStage, type ReadingStudies } from './hang-slot-stage';
import { isHangable } from './hangable';
import type { HungProtocol, HungStage } from './hung-layout';
import type { ImageAttributes } from './image-attributes';
import { relevantPriors } from './prior-studies';
import type { HangingProtocol } from './protocol-schema';
import { evaluateRules, studyMatchRules } from './rule-evaluation';

/**
 * Applies a protocol to the current study and its priors (one array of images per prior study,
 * in any order). `prior` slots take the most recent relevant prior (see relevantPriors). The
 * stages come back in protocol order, which is the keyboard-stepping order; a grid stage may
 * give several pages, or none when it has nothing left over.
 */
export function hang(protocol: HangingProtocol, current: readonly ImageAttributes[], priors: readonly (readonly ImageAttributes[])[]): HungProtocol {
  const { stages } = hangStages(protocol, current, priors);
  return { protocolId: protocol.id, protocolName: protocol.name, protocolVersion: protocol.version, stages };
}

/** Hangs every stage; `fixed[i]` is protocol stage i when it is a fixed layout. */
function hangStages(protocol: HangingProtocol, current: readonly ImageAttributes[], priors: readonly (readonly ImageAttributes[])[]) {
  const studies: ReadingStudies = {
    current,
    priors: relevantPriors(current, priors, protocol.match),
    studyRules: protocol.match ? studyMatchRules(protocol.match) : [],
  };
  const fixed = protocol.stages.map((stage) => (stage.kind === 'slots' ? hangSlotStage(stage, studies) : undefined));
  const hungUids = new Set(
    fixed.flatMap((stage) => stage?.slots ?? []).flatMap((slot) => (slot.kind === 'image' && slot.study === 'current' ? [slot.image.sopInstanceUID] : [])),
  );
  const stages: HungStage[] = protocol.stages.flatMap((stage, i) => (stage.kind === 'slots' ? (fixed[i] ?? []) : hangGridStage(stage, current, hungUids)));
  return { fixed, stages };
}

/**
 * How well a protocol suits the studies; undefined when it does not apply. A protocol with a
 * `match` applies when some displayable current image meets its study rules and its first fixed
 * stage hangs at least one image; it scores ten points per rule weight met, plus one per filled
 * slot (current and prior). The fallback (no `match`) always applies, with score 0.
 */
export function scoreProtocol(protocol: HangingProtocol, current: readonly ImageAttributes[], priors: readonly (readonly ImageAttributes[])[]): number | undefined {
  if (!protocol.match) return 0;
  const rules = studyMatchRules(protocol.match);
  const outcomes = current.filter(isHangable).map((image) => evaluateRules(rules, image)).filter((o) => o.matched);
  if (outcomes.length === 0) return undefined;
  const ruleScore = Math.max(...outcomes.map((o) => o.score));
  const fixed = hangStages(protocol, current, priors).fixed.filter((stage) => stage !== undefined);
  if (fixed.length > 0 && fixed[0]?.filled === 0) return undefined;
  return 10 * ruleScore + fixed.reduce((sum, stage) => sum + stage.filled, 0);
}

/**
 * The protocol that suits the studies best: the highest score, the earlier one on a tie. Throws
 * when nothing applies, which only happens when the list has no fallback protocol (a bug).
 */
export function chooseProtocol(
  current: readonly ImageAttributes[],
  priors: readonly (readonly ImageAttributes[])[],
  protocols: readonly HangingProtocol[],
): HangingProtocol {
  let best: { protocol: HangingProtocol; score: number } | undefined;
  for (const protocol of protocols) {
    const score = scoreProtocol(protocol, current, priors);
    if (score !== undefined && (!best || score > best.score)) best = { protocol, score };
  }
  if (!best) throw new Error('No hanging protocol applies, and the list has no fallback protocol');
  return best.protocol;
}
