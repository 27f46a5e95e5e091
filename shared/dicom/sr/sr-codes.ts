import { code } from '../../report/coded-concept';

/** Concept names used by Tandem's SR templates (DOMAIN.md §3–4; DCM codes from PS3.16). */
export const SR = {
  breastImagingReport: code('111400', 'DCM', 'Breast Imaging Report'),
  narrativeSummary: code('111412', 'DCM', 'Narrative Summary'),
  supplementaryData: code('111414', 'DCM', 'Supplementary Data'),
  overallAssessment: code('111413', 'DCM', 'Overall Assessment'),
  assessmentCategory: code('111005', 'DCM', 'Assessment Category'),
  recommendedFollowUp: code('111053', 'DCM', 'Recommended Follow-up'),
  procedureReported: code('121058', 'DCM', 'Procedure reported'),
  laterality: code('272741003', 'SCT', 'Laterality'),
  breastComposition: code('129715009', 'SCT', 'Breast composition'),
  findings: code('121070', 'DCM', 'Findings'),
  finding: code('121071', 'DCM', 'Finding'),
  impression: code('121073', 'DCM', 'Impression'),
  recommendation: code('121075', 'DCM', 'Recommendation'),
  comment: code('121106', 'DCM', 'Comment'),
  shape: code('107644003', 'SCT', 'Shape'),
  margin: code('111037', 'DCM', 'Margins'),
  density: code('111035', 'DCM', 'Lesion Density'),
  calcMorphology: code('111009', 'DCM', 'Calcification Type'),
  calcDistribution: code('111008', 'DCM', 'Calcification Distribution'),
  clockFace: code('111014', 'DCM', 'Clockface or region'),
  depth: code('111020', 'DCM', 'Depth'),
  distanceFromNipple: code('121242', 'DCM', 'Distance from nipple'),
  associatedFinding: code('246090004', 'SCT', 'Associated finding'),
  center: code('111010', 'DCM', 'Center'),
  language: code('121049', 'DCM', 'Language of Content Item and Descendants'),
  observerType: code('121005', 'DCM', 'Observer Type'),
  person: code('121006', 'DCM', 'Person'),
  personObserverName: code('121008', 'DCM', 'Person Observer Name'),
  mammography: code('71651007', 'SCT', 'Mammography'),
  chestRadiograph: code('399208008', 'SCT', 'Plain chest X-ray'),
  diagnosticImagingReport: code('18748-4', 'LN', 'Diagnostic Imaging Report'),
  // CAD (TID 4000 / 4100)
  mammoCadReport: code('111036', 'DCM', 'Mammography CAD Report'),
  chestCadReport: code('112000', 'DCM', 'Chest CAD Report'),
  imageLibrary: code('111028', 'DCM', 'Image Library'),
  imageLaterality: code('111027', 'DCM', 'Image Laterality'),
  imageView: code('111031', 'DCM', 'Image View'),
  cadSummary: code('111017', 'DCM', 'CAD Processing and Findings Summary'),
  individualImpression: code('111034', 'DCM', 'Individual Impression/Recommendation'),
  renderingIntent: code('111056', 'DCM', 'Rendering Intent'),
  presentationRequired: code('111150', 'DCM', 'Presentation Required: Rendering device is expected to present'),
  presentationOptional: code('111151', 'DCM', 'Presentation Optional: Rendering device may present'),
  singleImageFinding: code('111059', 'DCM', 'Single Image Finding'),
  algorithmName: code('111001', 'DCM', 'Algorithm Name'),
  algorithmVersion: code('111003', 'DCM', 'Algorithm Version'),
  certaintyOfFinding: code('111012', 'DCM', 'Certainty of Finding'),
  operatingPoint: code('111071', 'DCM', 'CAD Operating Point'),
  summaryOfDetections: code('111064', 'DCM', 'Summary of Detections'),
  summaryOfAnalyses: code('111065', 'DCM', 'Summary of Analyses'),
  succeeded: code('111222', 'DCM', 'Succeeded'),
  allSucceededNoFindings: code('111241', 'DCM', 'All algorithms succeeded; without findings'),
  allSucceededWithFindings: code('111242', 'DCM', 'All algorithms succeeded; with findings'),
  mammographyDensity: code('129793001', 'SCT', 'Mammography breast density'),
  present: code('52101004', 'SCT', 'Present'),
  absent: code('2667000', 'SCT', 'Absent'),
  equivocal: code('42425007', 'SCT', 'Equivocal'),
} as const;

/**
 * Tandem's local codes (a `99` scheme, as PS3.16 reserves for private coding schemes) for
 * concepts without a verified standard code: the chest checklist's findings and the reader's
 * feedback on an AI finding.
 */
export const LOCAL_SCHEME = '99TANDEM';
export const LOCAL = {
  readerFeedback: code('reader-feedback', LOCAL_SCHEME, 'Reader feedback on AI finding'),
  agree: code('agree', LOCAL_SCHEME, 'Reader agrees'),
  disagree: code('disagree', LOCAL_SCHEME, 'Reader disagrees'),
  falsePositive: code('false-positive', LOCAL_SCHEME, 'False-positive mark'),
  revisionReason: code('revision-reason', LOCAL_SCHEME, 'Reason for revising the first read'),
  reportKind: code('report-kind', LOCAL_SCHEME, 'Tandem report kind'),
  readerReportJson: code('report-json', LOCAL_SCHEME, 'Structured report (JSON)'),
} as const;
