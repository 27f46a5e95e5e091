import type { ManifestDraft } from './write-pack';

/** The model card as Markdown, shipped in the pack beside the manifest. */
export function cardMarkdown(draft: ManifestDraft): string {
  const c = draft.card;
  const metrics = c.validation.metrics.map((m) => `| ${m.name} | ${m.value} | ${m.n ?? ''} | ${m.note ?? ''} |`).join('\n');
  const ops = draft.operatingPoints
    .map((p) => `| ${p.name} | ${p.threshold} | ${p.sensitivity ?? 'not measured'} | ${p.specificity ?? 'not measured'} | ${p.measuredOn ?? ''} |`)
    .join('\n');
  return [
    `# ${draft.name} — model card`,
    '',
    `**${c.clinicalStatus === 'cleared' ? 'Cleared for clinical use' : 'NOT FOR CLINICAL USE'}.** Pack \`${draft.id}\` version ${draft.version}, task ${draft.task}, by ${draft.vendor}.`,
    '',
    `## What it is\n\n${c.description}`,
    '',
    `## Intended use\n\n${c.intendedUse}`,
    '',
    `## Training data\n\n${c.trainingData}`,
    '',
    `## Validation\n\n${c.validation.data}\n\nMeasured by \`${c.validation.measuredBy ?? 'n/a'}\`.`,
    '',
    metrics ? `| metric | value | n | note |\n|---|---|---|---|\n${metrics}` : '_No metrics measured._',
    '',
    `## Operating points\n\n| name | threshold | sensitivity | specificity | measured on |\n|---|---|---|---|---|\n${ops}`,
    '',
    `## Limitations\n\n${c.limitations.map((l) => `- ${l}`).join('\n') || '- none stated'}`,
    '',
    `## Licence\n\n${c.licence}`,
    '',
  ].join('\n');
}
