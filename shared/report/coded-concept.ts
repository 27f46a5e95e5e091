import { z } from 'zod';

/** A DICOM coded concept `(value, scheme, meaning)`; compare by scheme and value, never by meaning. */
export const CodedConcept = z.object({
  value: z.string().min(1).max(64),
  scheme: z.string().min(1).max(16),
  meaning: z.string().min(1).max(64),
  /** CodingSchemeVersion, required where the value alone is ambiguous (the BI scheme). */
  version: z.string().max(16).optional(),
});
export type CodedConcept = z.infer<typeof CodedConcept>;

export function code(value: string, scheme: string, meaning: string, version?: string): CodedConcept {
  return version ? { value, scheme, meaning, version } : { value, scheme, meaning };
}

/** Legacy scheme names that mean the same terminology as the one Tandem emits (DOMAIN.md rules). */
const SCHEME_ALIASES: Record<string, string> = { SRT: 'SCT', SNM3: 'SCT' };

export function sameConcept(a: CodedConcept | undefined, b: CodedConcept | undefined): boolean {
  if (!a || !b) return false;
  const scheme = (s: string) => SCHEME_ALIASES[s] ?? s;
  return a.value === b.value && scheme(a.scheme) === scheme(b.scheme);
}
