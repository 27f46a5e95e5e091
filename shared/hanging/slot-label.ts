import type { ImageAttributes } from './image-attributes';
import { viewLabel } from './view-label';

/**
 * Fills a label template (`{viewLabel} {study} {studyDate}`) for one hung image. A placeholder
 * without a value disappears, and so does the space it leaves.
 */
export function renderLabel(template: string, image: ImageAttributes, study: 'current' | 'prior'): string {
  const values: Record<string, string | undefined> = {
    viewLabel: viewLabel(image),
    laterality: image.imageLaterality,
    view: image.view,
    study: study === 'current' ? 'Current' : 'Prior',
    studyDate: formatDicomDate(image.studyDate),
    instanceNumber: image.instanceNumber?.toString(),
    modality: image.modality,
  };
  return template
    .replace(/\{([^}]*)\}/g, (_match, token: string) => values[token] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** YYYYMMDD → YYYY-MM-DD; anything else as it is. */
function formatDicomDate(date: string | undefined): string | undefined {
  const m = date?.match(/^(\d{4})(\d{2})(\d{2})$/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : date;
}
