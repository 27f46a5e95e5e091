import type { NaturalDataset } from '../../../shared/dicom/sr/sr-document';

/** Windows-1252's characters for bytes 0x80–0x9F, in case the decoder used that table. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function latin1ToUtf8(value: string): string {
  if (!/[\u0080-\uffff]/.test(value)) return value;
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0xff) bytes[i] = c;
    else {
      const k = CP1252.indexOf(value.charAt(i));
      if (k < 0) return value; // not a mis-decoded string
      bytes[i] = 0x80 + k;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return value;
  }
}

function repair(value: unknown): unknown {
  if (typeof value === 'string') return latin1ToUtf8(value);
  if (Array.isArray(value)) return value.map(repair);
  if (value && typeof value === 'object' && !(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repair(v)]));
  }
  return value;
}

/**
 * dcmjs 0.51 reads the items of a sequence with a fresh Latin-1 decoder, ignoring the data set's
 * SpecificCharacterSet, so UTF-8 text inside an SR content tree comes back garbled. For
 * `ISO_IR 192` data sets this re-decodes every string inside sequences as UTF-8.
 */
export function repairNestedUtf8(dataset: NaturalDataset): NaturalDataset {
  const charset = dataset['SpecificCharacterSet'];
  if ((Array.isArray(charset) ? charset[0] : charset) !== 'ISO_IR 192') return dataset;
  const out: NaturalDataset = { ...dataset };
  for (const [key, value] of Object.entries(dataset)) {
    if (Array.isArray(value) && value.some((v) => v && typeof v === 'object' && !ArrayBuffer.isView(v))) out[key] = repair(value);
  }
  return out;
}
