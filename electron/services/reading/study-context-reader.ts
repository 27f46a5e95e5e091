import type { LocalArchive } from '../archive/local-archive';
import type { SourceImage, StudyContext } from '../../../shared/dicom/sr/study-context';
import { ServiceError } from '../../../shared/ipc/errors';
import { readPart10 } from './part10-codec';

const IMAGE_MODALITIES = new Set(['MG', 'CR', 'DX']);

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') return String((value as { Alphabetic?: string }).Alphabetic ?? '');
  return String(value);
}

/**
 * The Patient and Study modules (from one archived image of the study) and the study's images,
 * which every SR, heatmap and PDF of a report copies and references.
 */
export async function readStudyContext(archive: LocalArchive, studyInstanceUID: string): Promise<StudyContext> {
  const study = await archive.getStudy(studyInstanceUID);
  const imageSeries = study?.series.filter((s) => IMAGE_MODALITIES.has(s.modality)) ?? [];
  const images: SourceImage[] = imageSeries.flatMap((s) =>
    s.instances.map((i) => ({
      sopClassUID: i.sopClassUID,
      sopInstanceUID: i.sopInstanceUID,
      seriesInstanceUID: s.seriesInstanceUID,
      laterality: i.imageLaterality === 'R' || i.imageLaterality === 'L' ? i.imageLaterality : undefined,
      view: i.viewPosition,
      rows: i.rows,
      columns: i.columns,
    })),
  );
  const first = images[0];
  if (!study || !first) throw new ServiceError('NOT_FOUND', 'The study\'s images are no longer in the local archive, so its report cannot be built. Open the study again to retrieve it, then send the report.');
  const ds = readPart10(await archive.readInstance({ studyInstanceUID, seriesInstanceUID: first.seriesInstanceUID, sopInstanceUID: first.sopInstanceUID }));
  return {
    patient: { PatientName: text(ds['PatientName']), PatientID: text(ds['PatientID']), PatientBirthDate: text(ds['PatientBirthDate']), PatientSex: text(ds['PatientSex']) },
    study: {
      StudyInstanceUID: studyInstanceUID,
      StudyDate: text(ds['StudyDate']),
      StudyTime: text(ds['StudyTime']),
      AccessionNumber: text(ds['AccessionNumber']),
      ReferringPhysicianName: text(ds['ReferringPhysicianName']),
      StudyID: text(ds['StudyID']),
    },
    images,
  };
}
