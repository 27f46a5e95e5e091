/**
 * What an SR or derived object copies from the study it reports on: the Patient and General Study
 * modules (from any source image) and the images it references.
 */
export interface SourceImage {
  sopClassUID: string;
  sopInstanceUID: string;
  seriesInstanceUID: string;
  laterality?: 'R' | 'L';
  /** CC, MLO, PA… as the hanging code reads it. */
  view?: string;
  rows?: number;
  columns?: number;
}

export interface StudyContext {
  patient: { PatientName: string; PatientID: string; PatientBirthDate: string; PatientSex: string };
  study: { StudyInstanceUID: string; StudyDate: string; StudyTime: string; AccessionNumber: string; ReferringPhysicianName: string; StudyID: string };
  images: SourceImage[];
}

/** A new object's identity and time: fixed by the caller so that re-building gives the same UIDs. */
export interface NewObject {
  seriesInstanceUID: string;
  sopInstanceUID: string;
  seriesNumber: number;
  /** When the content was made (the signature time), as a Date. */
  contentDateTime: Date;
}

/** DICOM DA and TM from a Date, in UTC with the offset stated separately. */
export function dicomDateTime(d: Date): { date: string; time: string } {
  const iso = d.toISOString();
  return { date: iso.slice(0, 10).replace(/-/g, ''), time: iso.slice(11, 19).replace(/:/g, '') };
}
