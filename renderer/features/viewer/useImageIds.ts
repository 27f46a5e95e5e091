import { useEffect, useState } from 'react';
import type { LocalStudy } from '../../../shared/domain/study';
import { useApi } from '../../app/api-context';
import { registerPart10 } from '../../imaging/part10';

/** One displayable image of a study, with the cornerstone imageId once its bytes are loaded. */
export interface StudyImage {
  key: string;
  label: string;
  imageId: string | undefined;
  failed?: string;
}

/**
 * Reads each instance's Part 10 bytes from the local archive and registers them with the image
 * loader. Images appear one by one as their bytes arrive.
 */
export function useImageIds(study: LocalStudy | undefined): StudyImage[] {
  const api = useApi();
  const [images, setImages] = useState<StudyImage[]>([]);
  useEffect(() => {
    if (!study) return;
    let current = true;
    const list = study.series.flatMap((series) =>
      series.instances.map((instance) => ({
        ref: { studyInstanceUID: study.study.studyInstanceUID, seriesInstanceUID: series.seriesInstanceUID, sopInstanceUID: instance.sopInstanceUID },
        label: [instance.imageLaterality, instance.viewPosition, series.modality].filter(Boolean).join(' '),
      })),
    );
    setImages(list.map((item) => ({ key: item.ref.sopInstanceUID, label: item.label, imageId: undefined })));
    list.forEach((item, index) => {
      api.studies
        .readInstance(item.ref)
        .then((bytes) => registerPart10(bytes, item.ref.sopInstanceUID))
        .then(
          (imageId) => current && setImages((prev) => prev.map((img, i) => (i === index ? { ...img, imageId } : img))),
          (err: unknown) => current && setImages((prev) => prev.map((img, i) => (i === index ? { ...img, failed: err instanceof Error ? err.message : String(err) } : img))),
        );
    });
    return () => {
      current = false;
    };
  }, [api, study]);
  return images;
}
