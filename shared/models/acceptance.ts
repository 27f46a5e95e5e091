import type { PackManifest } from './manifest';
import type { SourceImage } from './source-image';

/** Why a pack cannot read an image, or undefined when it can. */
export function refusalForImage(manifest: PackManifest, image: Pick<SourceImage, 'modality' | 'view'>): string | undefined {
  const { modalities, views } = manifest.accepts;
  if (!modalities.includes(image.modality)) {
    return `${manifest.name} reads ${modalities.join('/')} images; this image is ${image.modality || 'of unknown modality'}.`;
  }
  if (views.length > 0 && !(image.view && views.includes(image.view))) {
    return `${manifest.name} reads ${views.join('/')} views; this image is ${image.view ? `a ${image.view} view` : 'of unknown view'}.`;
  }
  return undefined;
}

/**
 * The images a pack will read from a study, in run order, or the reason it cannot read the study
 * (no acceptable image; a study-views pack missing one of its views).
 */
export function selectImages<T extends Pick<SourceImage, 'modality' | 'view' | 'laterality'>>(
  manifest: PackManifest,
  images: readonly T[],
): { ok: true; images: T[] } | { ok: false; reason: string } {
  const accepted = images.filter((i) => refusalForImage(manifest, i) === undefined);
  if (accepted.length === 0) {
    const reason = images.length > 0 ? refusalForImage(manifest, images[0]!) : 'The study has no images.';
    return { ok: false, reason: reason ?? 'No image of this study is one the pack reads.' };
  }
  const order = manifest.input.viewOrder;
  if (manifest.input.mode === 'per-view' || !order) return { ok: true, images: accepted };
  const picked: T[] = [];
  for (const key of order) {
    const match = accepted.find((i) => i.view === key.view && (key.laterality === undefined || i.laterality === key.laterality));
    if (!match) return { ok: false, reason: `${manifest.name} needs the ${key.laterality ?? ''}${key.laterality ? '-' : ''}${key.view} view, which this study lacks.` };
    picked.push(match);
  }
  return { ok: true, images: picked };
}
