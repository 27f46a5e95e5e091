import type { CodedConcept } from '../../report/coded-concept';

/**
 * SR content items in dcmjs's naturalized form (DICOM keywords as keys). Each builder returns one
 * item; the templates compose them. Relationship types and value types are PS3.3 C.17.3 names.
 */
export type Relationship = 'CONTAINS' | 'HAS PROPERTIES' | 'HAS CONCEPT MOD' | 'HAS OBS CONTEXT' | 'HAS ACQ CONTEXT' | 'INFERRED FROM' | 'SELECTED FROM';

export interface ContentItem {
  [keyword: string]: unknown;
  RelationshipType?: Relationship;
  ValueType?: string;
  ContentSequence?: ContentItem[];
}

export function codeSeq(c: CodedConcept): Record<string, string>[] {
  return [{ CodeValue: c.value, CodingSchemeDesignator: c.scheme, ...(c.version ? { CodingSchemeVersion: c.version } : {}), CodeMeaning: c.meaning }];
}

/** Cuts text to a VR's limit in bytes of UTF-8 (LO: 64), never inside a character. */
export function fitBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  let out = '';
  for (const ch of text) {
    if (encoder.encode(out + ch).length > maxBytes) break;
    out += ch;
  }
  return out;
}

function withChildren(item: ContentItem, children: ContentItem[] | undefined): ContentItem {
  return children && children.length ? { ...item, ContentSequence: children } : item;
}

export function container(rel: Relationship | undefined, name: CodedConcept, children: ContentItem[], template?: string): ContentItem {
  return withChildren(
    {
      ...(rel ? { RelationshipType: rel } : {}),
      ValueType: 'CONTAINER',
      ConceptNameCodeSequence: codeSeq(name),
      ContinuityOfContent: 'SEPARATE',
      ...(template ? { ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: template }] } : {}),
    },
    children,
  );
}

export function codeItem(rel: Relationship, name: CodedConcept, value: CodedConcept, children?: ContentItem[]): ContentItem {
  return withChildren({ RelationshipType: rel, ValueType: 'CODE', ConceptNameCodeSequence: codeSeq(name), ConceptCodeSequence: codeSeq(value) }, children);
}

export function textItem(rel: Relationship, name: CodedConcept, text: string, children?: ContentItem[]): ContentItem {
  return withChildren({ RelationshipType: rel, ValueType: 'TEXT', ConceptNameCodeSequence: codeSeq(name), TextValue: text }, children);
}

export function pnameItem(rel: Relationship, name: CodedConcept, person: string): ContentItem {
  return { RelationshipType: rel, ValueType: 'PNAME', ConceptNameCodeSequence: codeSeq(name), PersonName: person };
}

/** A NUM with UCUM units, e.g. `('%', 'percent')` or `('cm', 'centimeter')`. */
export function numItem(rel: Relationship, name: CodedConcept, value: number, unit: CodedConcept, children?: ContentItem[]): ContentItem {
  // DS holds at most 16 characters.
  const text = Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+$/, '');
  return withChildren(
    {
      RelationshipType: rel,
      ValueType: 'NUM',
      ConceptNameCodeSequence: codeSeq(name),
      MeasuredValueSequence: [{ MeasurementUnitsCodeSequence: codeSeq(unit), NumericValue: text }],
    },
    children,
  );
}

export interface ImageRef {
  sopClassUID: string;
  sopInstanceUID: string;
}

export function imageItem(rel: Relationship, image: ImageRef, children?: ContentItem[], name?: CodedConcept): ContentItem {
  return withChildren(
    {
      RelationshipType: rel,
      ValueType: 'IMAGE',
      ...(name ? { ConceptNameCodeSequence: codeSeq(name) } : {}),
      ReferencedSOPSequence: [{ ReferencedSOPClassUID: image.sopClassUID, ReferencedSOPInstanceUID: image.sopInstanceUID }],
    },
    children,
  );
}

/** A 2D point or outline in image pixels (column, row), selected from an image (by value or by reference). */
export function scoordItem(rel: Relationship, name: CodedConcept, graphicType: 'POINT' | 'POLYLINE', data: number[], selectedFrom: ContentItem): ContentItem {
  return { RelationshipType: rel, ValueType: 'SCOORD', ConceptNameCodeSequence: codeSeq(name), GraphicType: graphicType, GraphicData: data, ContentSequence: [selectedFrom] };
}

/** A by-reference item: the 1-based path of the target from the root. */
export function referenceTo(rel: Relationship, path: number[]): ContentItem {
  return { RelationshipType: rel, ReferencedContentItemIdentifier: path };
}

export const UCUM_PERCENT: CodedConcept = { value: '%', scheme: 'UCUM', meaning: 'percent' };
export const UCUM_CM: CodedConcept = { value: 'cm', scheme: 'UCUM', meaning: 'centimeter' };
export const UCUM_NONE: CodedConcept = { value: '1', scheme: 'UCUM', meaning: 'no units' };
