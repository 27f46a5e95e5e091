import type { CodedConcept } from '../../report/coded-concept';
import { sameConcept } from '../../report/coded-concept';

/** A content item as dcmjs naturalizes it (sequences as arrays, values as JS values). */
export type ReadItem = Record<string, unknown>;

export function asArray<T = ReadItem>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

export function text(value: unknown): string {
  const v = first(value);
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return String((v as { Alphabetic?: string }).Alphabetic ?? '');
  return String(v);
}

function conceptOf(seq: unknown): CodedConcept | undefined {
  const item = asArray(seq)[0];
  if (!item) return undefined;
  const value = text(item['CodeValue'] ?? item['LongCodeValue'] ?? item['URNCodeValue']);
  return value ? { value, scheme: text(item['CodingSchemeDesignator']), meaning: text(item['CodeMeaning']) } : undefined;
}

export const nameOf = (item: ReadItem) => conceptOf(item['ConceptNameCodeSequence']);
export const codeOf = (item: ReadItem) => conceptOf(item['ConceptCodeSequence']);
export const childrenOf = (item: ReadItem) => asArray(item['ContentSequence']);

/** The children of `item` whose concept name is `name`. */
export function childrenNamed(item: ReadItem, name: CodedConcept): ReadItem[] {
  return childrenOf(item).filter((c) => sameConcept(nameOf(c), name));
}

export function childNamed(item: ReadItem, name: CodedConcept): ReadItem | undefined {
  return childrenNamed(item, name)[0];
}

export function numberOf(item: ReadItem): number | undefined {
  const mv = asArray(item['MeasuredValueSequence'])[0];
  const n = mv ? Number(text(mv['NumericValue'])) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The key of the lexicon entry whose code matches, or undefined. */
export function keyOfCode<K extends string>(table: Record<K, CodedConcept | undefined>, c: CodedConcept | undefined): K | undefined {
  return (Object.keys(table) as K[]).find((k) => sameConcept(table[k], c));
}
