import { code, type CodedConcept } from '../../report/coded-concept';
import type { ReportLanguage } from '../../report/report-language';
import { codeItem, pnameItem, type ContentItem } from './content-items';
import { SR } from './sr-codes';

/** RFC 5646 language codes (CID 5000) for TID 1204. */
export const LANGUAGE_CODE: Record<ReportLanguage, CodedConcept> = {
  en: code('en', 'RFC5646', 'English'),
  ru: code('ru', 'RFC5646', 'Russian'),
};

/** TID 1204: the language of the whole content tree. */
export function languageOfContent(language: ReportLanguage): ContentItem {
  return codeItem('HAS CONCEPT MOD', SR.language, LANGUAGE_CODE[language]);
}

/** TID 1001/1002: the reader as a person observer. */
export function personObserver(name: string): ContentItem[] {
  return [codeItem('HAS OBS CONTEXT', SR.observerType, SR.person), pnameItem('HAS OBS CONTEXT', SR.personObserverName, name)];
}

/**
 * The reader's name as a DICOM PN. "Family, Given" becomes `Family^Given`; a name without a
 * comma is kept as typed (one component), since word order differs between languages and a
 * guess would swap names.
 */
export function toPersonName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.includes('^')) return trimmed;
  const comma = trimmed.indexOf(',');
  return comma > 0 ? `${trimmed.slice(0, comma).trim()}^${trimmed.slice(comma + 1).trim()}` : trimmed;
}
