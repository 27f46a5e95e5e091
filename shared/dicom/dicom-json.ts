import { z } from 'zod';

/**
 * Readers for the DICOM JSON model (PS3.18 Annex F). Wire data is converted here, once, where it
 * enters the program; nothing downstream touches `{ vr, Value }` objects.
 */
export interface DicomJsonElement {
  vr?: string;
  Value?: unknown[];
  BulkDataURI?: string;
  InlineBinary?: string;
}
export type DicomJsonDataset = Record<string, DicomJsonElement | undefined>;

/** The first value of an element as a string, or undefined when absent or empty. */
export function readString(ds: DicomJsonDataset, tag: string): string | undefined {
  const value = ds[tag]?.Value?.[0];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return readPersonName(value) ?? undefined;
  const text = String(value).trim();
  return text.length ? text : undefined;
}

/** All values of a multi-valued string element. */
export function readStrings(ds: DicomJsonDataset, tag: string): string[] {
  return (ds[tag]?.Value ?? []).filter((v) => v !== null && v !== undefined).map((v) => String(v).trim());
}

/** The first value as an integer (IS, US, UL…), or undefined. */
export function readInt(ds: DicomJsonDataset, tag: string): number | undefined {
  const value = ds[tag]?.Value?.[0];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}

/** A PN value in JSON is `{ Alphabetic, Ideographic?, Phonetic? }`. */
function readPersonName(value: object): string | null {
  const pn = value as { Alphabetic?: string; Ideographic?: string };
  return pn.Alphabetic ?? pn.Ideographic ?? null;
}

/** `DOE^JANE^^^` → `DOE, JANE` for display. */
export function formatPersonName(pn: string): string {
  const [family = '', given = '', middle = ''] = pn.split('^').map((p) => p.trim());
  const rest = [given, middle].filter(Boolean).join(' ');
  return family && rest ? `${family}, ${rest}` : family || rest;
}

/** A DICOM JSON data set as it crosses the IPC boundary (elements checked loosely: values vary by VR). */
export const DicomJsonDatasetSchema = z.record(
  z.string().regex(/^[0-9A-F]{8}$/i),
  z.object({ vr: z.string().optional(), Value: z.array(z.unknown()).optional(), BulkDataURI: z.string().optional(), InlineBinary: z.string().optional() }).optional(),
);
