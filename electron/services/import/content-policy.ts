import type { ImportSkipReason } from '../../../shared/domain/import';

/** What a data set carries, as far as deciding whether Tandem keeps it. */
export interface InstanceContent {
  sopClassUID: string;
  /** Pixel Data, Float Pixel Data or Double Float Pixel Data (7FE0,0010/0008/0009) is present. */
  hasPixelData: boolean;
  /** Rows and Columns (0028,0010/0011) are present: the data set describes an image. */
  hasImageMatrix: boolean;
}

export type ContentVerdict = { accepted: true } | { accepted: false; reason: ImportSkipReason; detail: string };

const STRUCTURED_REPORT_CLASSES = '1.2.840.10008.5.1.4.1.1.88.';
const PRESENTATION_STATE_CLASSES = '1.2.840.10008.5.1.4.1.1.11.';
const WAVEFORM_CLASSES = '1.2.840.10008.5.1.4.1.1.9.';
const NAMED_CLASSES: Record<string, string> = {
  '1.2.840.10008.1.3.10': 'a DICOMDIR (media directory)',
  '1.2.840.10008.5.1.4.1.1.104.1': 'an encapsulated PDF',
  '1.2.840.10008.5.1.4.1.1.104.2': 'an encapsulated CDA document',
  '1.2.840.10008.5.1.4.1.1.66': 'raw data',
};

/**
 * Decides whether an instance belongs in the archive. Tandem keeps what a reader reviews or what
 * refers to images: every image (any SOP class with pixel data: MG, DX, CR, secondary capture,
 * segmentations…), structured reports including CAD SR and key object selections (…88.*), and
 * presentation states (…11.*). Everything else (waveforms, encapsulated PDFs, raw data, media
 * directories) is 'unsupported'. An image without its pixel data is 'corrupt': that is what a
 * file cut short at an element boundary looks like.
 */
export function judgeContent(content: InstanceContent): ContentVerdict {
  const { sopClassUID } = content;
  if (content.hasPixelData) return { accepted: true };
  if (sopClassUID.startsWith(STRUCTURED_REPORT_CLASSES) || sopClassUID.startsWith(PRESENTATION_STATE_CLASSES)) return { accepted: true };
  if (content.hasImageMatrix) {
    return { accepted: false, reason: 'corrupt', detail: 'An image without its pixel data: the file is probably cut short. Copy it again from the original media.' };
  }
  const name = NAMED_CLASSES[sopClassUID] ?? (sopClassUID.startsWith(WAVEFORM_CLASSES) ? 'a waveform (e.g. ECG)' : `SOP Class ${sopClassUID}`);
  return { accepted: false, reason: 'unsupported', detail: `DICOM, but ${name}: not an image, report or presentation state, so Tandem cannot show it.` };
}
