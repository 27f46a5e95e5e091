import { displaySpacing } from './display-spacing';
import { displayTransformFor } from './display-transform';
import { isHangable, whyNotHangable } from './hangable';
import { gridFor, type HungSlot, type HungStage } from './hung-layout';
import type { ImageAttributes } from './image-attributes';
import type { GridStage } from './protocol-schema';
import { evaluateRules } from './rule-evaluation';
import { renderLabel } from './slot-label';

/**
 * Lays the current study's displayable images (in the order given) out in near-square pages of at
 * most `maxCells`. With `unhungOnly`, only images no fixed slot showed take part, and a stage with
 * nothing left over yields no page; otherwise an empty study yields one page saying why.
 */
export function hangGridStage(stage: GridStage, current: readonly ImageAttributes[], hungUids: ReadonlySet<string>): HungStage[] {
  const images = current.filter(
    (image) => isHangable(image) && evaluateRules(stage.rules, image).matched && !(stage.unhungOnly && hungUids.has(image.sopInstanceUID)),
  );
  if (images.length === 0) return stage.unhungOnly ? [] : [emptyPage(stage, current)];
  const pageCount = Math.ceil(images.length / stage.maxCells);
  return Array.from({ length: pageCount }, (_, page) => {
    const pageImages = images.slice(page * stage.maxCells, (page + 1) * stage.maxCells);
    const layout = gridFor(pageImages.length);
    const slots: HungSlot[] = pageImages.map((image, index) => ({
      kind: 'image',
      slotId: `${stage.name}/${page + 1}/${index + 1}`,
      name: stage.name,
      row: Math.floor(index / layout.columns),
      column: index % layout.columns,
      study: 'current',
      scaleGroup: stage.display.scaleGroup,
      linkGroup: stage.display.linkGroup,
      image,
      label: renderLabel(stage.display.label, image, 'current'),
      displayTransform: displayTransformFor(image, stage.display),
      displaySpacing: displaySpacing(image),
    }));
    const name = pageCount > 1 ? `${stage.name} (${page + 1}/${pageCount})` : stage.name;
    return { name, layout, slots, filled: slots.length };
  });
}

function emptyPage(stage: GridStage, current: readonly ImageAttributes[]): HungStage {
  const count = (code: string) => current.filter((image) => whyNotHangable(image)?.code === code).length;
  const raw = count('for-processing');
  const derived = count('derived-overlay');
  const note = [
    raw ? ` ${raw} For Processing image${raw === 1 ? ' is' : 's are'} never displayed.` : '',
    derived ? ` ${derived} picture${derived === 1 ? '' : 's'} made from other images (such as AI heatmaps) ${derived === 1 ? 'is' : 'are'} never hung on ${derived === 1 ? 'its' : 'their'} own.` : '',
  ].join('');
  const slot: HungSlot = {
    kind: 'empty',
    slotId: `${stage.name}/1/1`,
    name: stage.name,
    row: 0,
    column: 0,
    study: 'current',
    reason: { code: raw ? 'for-processing-only' : derived ? 'derived-overlay-only' : 'no-images', message: `This study has no images to display.${note}` },
  };
  return { name: stage.name, layout: { rows: 1, columns: 1 }, slots: [slot], filled: 0 };
}
