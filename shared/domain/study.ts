import { z } from 'zod';

/** A DICOM UID: dot-separated digits, at most 64 characters (PS3.5 §9.1). */
export const Uid = z
  .string()
  .max(64)
  .regex(/^[0-9]+(\.[0-9]+)*$/, 'must be a DICOM UID (digits and dots)');
export type Uid = z.infer<typeof Uid>;

/** A DICOM DA value, YYYYMMDD. */
export const DicomDate = z.string().regex(/^\d{8}$/, 'must be a date as YYYYMMDD');

/** Modalities a reader filters the worklist on. */
export const WorklistModality = z.enum(['MG', 'CR', 'DX']);
export type WorklistModality = z.infer<typeof WorklistModality>;

/** Where a study lives: the local archive or one of the configured PACS profiles. */
export const SourceId = z.string().min(1).max(100);
export type SourceId = z.infer<typeof SourceId>;
export const LOCAL_SOURCE_ID = 'local';

/** QIDO-RS style study query. Absent fields do not filter. */
export const StudyQuery = z.object({
  patientName: z.string().max(64).optional(),
  patientID: z.string().max(64).optional(),
  accessionNumber: z.string().max(16).optional(),
  studyDateFrom: DicomDate.optional(),
  studyDateTo: DicomDate.optional(),
  modality: WorklistModality.optional(),
  studyDescription: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type StudyQuery = z.input<typeof StudyQuery>;

/**
 * Where a study stands on this workstation. `read`, `signed` and `sent` come from the reading
 * workflow; the archive alone knows `not-fetched`, `fetching` and `cached`.
 */
export const LocalStatus = z.enum(['not-fetched', 'fetching', 'cached', 'read', 'signed', 'sent']);
export type LocalStatus = z.infer<typeof LocalStatus>;

/** One worklist row, converted once from DICOM JSON where it enters the program. */
export const StudySummary = z.object({
  sourceId: SourceId,
  studyInstanceUID: Uid,
  patientName: z.string(),
  patientID: z.string(),
  patientBirthDate: z.string().optional(),
  patientSex: z.string().optional(),
  studyDate: z.string(),
  studyTime: z.string().optional(),
  accessionNumber: z.string().optional(),
  studyDescription: z.string(),
  modalitiesInStudy: z.array(z.string()),
  numberOfStudyRelatedInstances: z.number().int().nonnegative().optional(),
  localStatus: LocalStatus.optional(),
  /** 0–100 while `fetching`. */
  fetchPercent: z.number().min(0).max(100).optional(),
});
export type StudySummary = z.infer<typeof StudySummary>;

export const StudySearchResult = z.object({
  studies: z.array(StudySummary),
  /** True when the source announced that more results exist beyond `limit`. */
  hasMore: z.boolean(),
});
export type StudySearchResult = z.infer<typeof StudySearchResult>;

/** What the viewer needs of one image before it has the pixels. */
export const InstanceSummary = z.object({
  sopInstanceUID: Uid,
  sopClassUID: z.string(),
  instanceNumber: z.number().int().optional(),
  rows: z.number().int().optional(),
  columns: z.number().int().optional(),
  imageLaterality: z.string().optional(),
  viewPosition: z.string().optional(),
  transferSyntaxUID: z.string().optional(),
});
export type InstanceSummary = z.infer<typeof InstanceSummary>;

export const SeriesSummary = z.object({
  seriesInstanceUID: Uid,
  modality: z.string(),
  seriesNumber: z.number().int().optional(),
  seriesDescription: z.string(),
  instances: z.array(InstanceSummary),
});
export type SeriesSummary = z.infer<typeof SeriesSummary>;

/** A study that is in the local archive, ready for the viewer. */
export const LocalStudy = z.object({
  study: StudySummary,
  series: z.array(SeriesSummary),
});
export type LocalStudy = z.infer<typeof LocalStudy>;

/** Addresses one instance in the local archive. */
export const InstanceRef = z.object({
  studyInstanceUID: Uid,
  seriesInstanceUID: Uid,
  sopInstanceUID: Uid,
});
export type InstanceRef = z.infer<typeof InstanceRef>;

/** Progress of a retrieval into the local archive. */
export const RetrieveProgress = z.object({
  sourceId: SourceId,
  studyInstanceUID: Uid,
  completed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type RetrieveProgress = z.infer<typeof RetrieveProgress>;
