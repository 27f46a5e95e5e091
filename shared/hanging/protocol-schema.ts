import { z } from 'zod';
import type { ImageAttributes } from './image-attributes';
import { VIEWS } from './view-codes';

/** Attributes a rule may test: the fields of ImageAttributes that describe an image. */
export const RuleAttribute = z.enum([
  'modality', 'sopClassUID', 'imageLaterality', 'view', 'viewModifiers', 'patientOrientation', 'bodyPartExamined',
  'imageType', 'presentationIntentType', 'studyDate', 'seriesInstanceUID', 'instanceNumber', 'rows', 'columns',
  'estimatedRadiographicMagnificationFactor',
] as const satisfies readonly (keyof ImageAttributes)[]);
export type RuleAttribute = z.infer<typeof RuleAttribute>;

const Scalar = z.union([z.string(), z.number()]);
const ruleBase = {
  attribute: RuleAttribute,
  /** A required rule that fails rules the image out; an optional one only adds to the score. */
  required: z.boolean().default(true),
  weight: z.number().min(0).default(1),
  /** Many attributes are Type 3: `pass` lets an image without the attribute through. */
  ifAbsent: z.enum(['fail', 'pass']).default('fail'),
};

/**
 * One test of one attribute. Strings compare case-insensitively. On a list attribute (imageType,
 * viewModifiers, patientOrientation) `contains` tests membership, the others test the values
 * joined with `\` as DICOM writes them; on a string `contains` is a substring test. `exists:
 * false` on a list means the list is empty.
 */
export const MatchRule = z.union([
  z.strictObject({ ...ruleBase, equals: Scalar }),
  z.strictObject({ ...ruleBase, oneOf: z.array(Scalar).min(1) }),
  z.strictObject({ ...ruleBase, noneOf: z.array(Scalar).min(1) }),
  z.strictObject({ ...ruleBase, contains: z.string().min(1) }),
  z.strictObject({ ...ruleBase, exists: z.boolean() }),
]);
export type MatchRule = z.infer<typeof MatchRule>;

/** Placeholders a label template may use, e.g. `{viewLabel} {study} {studyDate}`. */
export const LABEL_TOKENS = ['viewLabel', 'laterality', 'view', 'study', 'studyDate', 'instanceNumber', 'modality'] as const;
const labelTemplate = z.string().refine(
  (text) => [...text.matchAll(/\{([^}]*)\}/g)].every((m) => (LABEL_TOKENS as readonly string[]).includes(m[1] ?? '')),
  { message: `label placeholders must be one of ${LABEL_TOKENS.map((t) => `{${t}}`).join(' ')}` },
);

/**
 * How a viewport shows its image. `chestWallSide` pins the chest wall to a screen edge;
 * `by-laterality` pins R images right and L images left, so they face the centre when R hangs on
 * the left. `orientation: 'mammo'` applies DOMAIN.md §1.4 and needs a chest-wall side. Images in
 * one `scaleGroup` show at the same physical scale; one `linkGroup` zooms and pans together.
 */
export const SlotDisplay = z.strictObject({
  chestWallSide: z.enum(['left', 'right', 'by-laterality', 'none']).default('none'),
  orientation: z.enum(['mammo', 'as-stored']).default('as-stored'),
  scaleGroup: z.string().min(1).optional(),
  linkGroup: z.string().min(1).optional(),
  label: labelTemplate.default('{viewLabel}'),
});
export type SlotDisplay = z.infer<typeof SlotDisplay>;

/** One viewport of a fixed layout and the image it wants. */
export const ViewportSlot = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** How a reader names the slot; empty-slot messages use it ("No RCC prior"). */
  name: z.string().min(1),
  study: z.enum(['current', 'prior']).default('current'),
  /** Which prior a `prior` slot shows: 1 is the most recent. */
  prior: z.number().int().min(1).default(1),
  laterality: z.enum(['R', 'L', 'B']).optional(),
  views: z.array(z.enum(VIEWS)).min(1).optional(),
  rules: z.array(MatchRule).default([]),
  /** An optional slot that finds no image is dropped and the stage re-laid out without it. */
  optional: z.boolean().default(false),
  display: SlotDisplay,
});
export type ViewportSlot = z.infer<typeof ViewportSlot>;

/** A fixed layout: `slots` fill it row by row, so there are exactly rows × columns of them. */
export const SlotStage = z.strictObject({
  kind: z.literal('slots'),
  name: z.string().min(1),
  layout: z.strictObject({ rows: z.number().int().min(1).max(4), columns: z.number().int().min(1).max(4) }),
  slots: z.array(ViewportSlot).min(1),
});
export type SlotStage = z.infer<typeof SlotStage>;

/**
 * A grid sized from the image count (pages of at most `maxCells`), for whatever the fixed stages
 * leave over (`unhungOnly`) or for everything.
 */
export const GridStage = z.strictObject({
  kind: z.literal('grid'),
  name: z.string().min(1),
  rules: z.array(MatchRule).default([]),
  unhungOnly: z.boolean().default(false),
  maxCells: z.number().int().min(1).max(25).default(16),
  display: SlotDisplay,
});
export type GridStage = z.infer<typeof GridStage>;

export const ProtocolStage = z.discriminatedUnion('kind', [SlotStage, GridStage]);
export type ProtocolStage = z.infer<typeof ProtocolStage>;

/**
 * Which studies a protocol is for, tested on each current image. `modality` must match;
 * `bodyPart` must match when BodyPartExamined is present (it is Type 3, often absent).
 */
export const StudyMatch = z.strictObject({
  modality: z.array(z.string().min(1)).min(1),
  bodyPart: z.array(z.string().min(1)).min(1).optional(),
  rules: z.array(MatchRule).default([]),
});
export type StudyMatch = z.infer<typeof StudyMatch>;

/**
 * A hanging protocol: declarative data the matcher evaluates. The reader steps through `stages`
 * in order with the keyboard. Exactly the fallback protocol has no `match`: it applies to anything.
 */
export const HangingProtocol = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    version: z.number().int().min(1),
    description: z.string().optional(),
    match: StudyMatch.optional(),
    stages: z.array(ProtocolStage).min(1),
  })
  .superRefine((protocol, ctx) => {
    const slotIds = new Set<string>();
    protocol.stages.forEach((stage, s) => {
      const displays = stage.kind === 'grid' ? [stage.display] : stage.slots.map((slot) => slot.display);
      if (displays.some((d) => d.orientation === 'mammo' && d.chestWallSide === 'none')) {
        ctx.addIssue({ code: 'custom', path: ['stages', s], message: "orientation 'mammo' needs a chestWallSide" });
      }
      if (stage.kind !== 'slots') return;
      if (stage.slots.length !== stage.layout.rows * stage.layout.columns) {
        ctx.addIssue({ code: 'custom', path: ['stages', s, 'slots'], message: `a ${stage.layout.rows}×${stage.layout.columns} layout needs ${stage.layout.rows * stage.layout.columns} slots` });
      }
      stage.slots.forEach((slot, i) => {
        if (slotIds.has(slot.id)) ctx.addIssue({ code: 'custom', path: ['stages', s, 'slots', i, 'id'], message: `duplicate slot id '${slot.id}'` });
        slotIds.add(slot.id);
      });
    });
  });
/** A protocol after parsing, with every default filled in. */
export type HangingProtocol = z.infer<typeof HangingProtocol>;
/** A protocol as written in JSON, before defaults. */
export type HangingProtocolInput = z.input<typeof HangingProtocol>;
