import { formatPersonName } from '../../shared/dicom/dicom-json';

/** `20240131` → `2024-01-31`; anything else is shown as it is. */
export function formatDicomDate(da: string): string {
  return /^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : da;
}

/** `2024-01-31` (an <input type=date> value) → `20240131`, or undefined when empty. */
export function toDicomDate(isoDate: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? isoDate.replaceAll('-', '') : undefined;
}

export function formatPatientName(pn: string): string {
  return formatPersonName(pn) || '—';
}
