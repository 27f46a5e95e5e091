/**
 * The patient's age on the day of the study, as a reader expects it in a corner: "58 y",
 * "14 m", "3 w", "5 d" (the units of the DICOM AS value representation).
 */

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseDa(value: unknown): Ymd | undefined {
  const match = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? { y, m, d } : undefined;
}

const dayNumber = ({ y, m, d }: Ymd): number => Date.UTC(y, m - 1, d) / 86_400_000;

/** Age at `studyDate` from `birthDate` (both DA, YYYYMMDD), or undefined if either is unusable. */
export function ageAtStudy(birthDate: unknown, studyDate: unknown): string | undefined {
  const birth = parseDa(birthDate);
  const study = parseDa(studyDate);
  if (!birth || !study || dayNumber(study) < dayNumber(birth)) return undefined;
  const beforeBirthday = study.m < birth.m || (study.m === birth.m && study.d < birth.d);
  const years = study.y - birth.y - (beforeBirthday ? 1 : 0);
  if (years >= 2) return `${years} y`;
  const months = (study.y - birth.y) * 12 + (study.m - birth.m) - (study.d < birth.d ? 1 : 0);
  if (months >= 2) return `${months} m`;
  const days = dayNumber(study) - dayNumber(birth);
  return days >= 14 ? `${Math.floor(days / 7)} w` : `${days} d`;
}

/** A Patient's Age (0010,1010) AS value (`075Y`, `018M`) in the same form; other text as it is. */
export function formatAgeString(value: unknown): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const match = /^(\d{3})([DWMY])$/i.exec(raw.trim());
  if (!match) return raw.trim();
  return `${Number(match[1])} ${match[2]!.toLowerCase()}`;
}

/** Age at the study from the birth date when both dates are known, else the Patient's Age attribute. */
export function patientAgeAtStudy(attributes: { PatientBirthDate?: unknown; StudyDate?: unknown; PatientAge?: unknown }): string | undefined {
  return ageAtStudy(attributes.PatientBirthDate, attributes.StudyDate) ?? formatAgeString(attributes.PatientAge);
}
