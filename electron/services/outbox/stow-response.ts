import type { DicomJsonDataset } from '../../../shared/dicom/dicom-json';

/** The Store Instances Response Module (PS3.18 §10.5.3), keyed by SOP Instance UID. */
export interface StoreInstancesResponse {
  /** ReferencedSOPSequence (0008,1199): stored, with WarningReason (0008,1196) in hex if any. */
  stored: Map<string, { warningReason?: string }>;
  /** FailedSOPSequence (0008,1198): not stored, with FailureReason (0008,1197) in hex if any. */
  failed: Map<string, { failureReason?: string }>;
}

const REFERENCED_SOP_SEQUENCE = '00081199';
const FAILED_SOP_SEQUENCE = '00081198';
const REFERENCED_SOP_INSTANCE_UID = '00081155';
const WARNING_REASON = '00081196';
const FAILURE_REASON = '00081197';

/**
 * Parses a STOW-RS response body in DICOM JSON: one dataset, or an array holding one (servers
 * differ). Returns undefined for an empty or non-JSON body (an XML answer, an HTML error page),
 * which leaves the HTTP status as the only evidence. The Content-Type is not trusted: Orthanc 1.10
 * sends its 409 and 400 bodies without one.
 */
export function parseStoreInstancesResponse(body: string): StoreInstancesResponse | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const dataset = (Array.isArray(json) ? json[0] : json) as DicomJsonDataset | undefined;
  if (typeof dataset !== 'object' || dataset === null) return undefined;
  const stored = new Map<string, { warningReason?: string }>();
  for (const item of sequenceItems(dataset, REFERENCED_SOP_SEQUENCE)) {
    const uid = firstString(item, REFERENCED_SOP_INSTANCE_UID);
    if (uid) stored.set(uid, { warningReason: reasonHex(item, WARNING_REASON) });
  }
  const failed = new Map<string, { failureReason?: string }>();
  for (const item of sequenceItems(dataset, FAILED_SOP_SEQUENCE)) {
    const uid = firstString(item, REFERENCED_SOP_INSTANCE_UID);
    if (uid) failed.set(uid, { failureReason: reasonHex(item, FAILURE_REASON) });
  }
  return { stored, failed };
}

function sequenceItems(dataset: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  const value = dataset[tag]?.Value;
  return Array.isArray(value) ? value.filter((v): v is DicomJsonDataset => typeof v === 'object' && v !== null) : [];
}

function firstString(dataset: DicomJsonDataset, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A US reason code as four upper-case hex digits, e.g. 272 → "0110". */
function reasonHex(dataset: DicomJsonDataset, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  const code = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isInteger(code) && code >= 0 && code <= 0xffff ? code.toString(16).toUpperCase().padStart(4, '0') : undefined;
}
