import dicomParser from 'dicom-parser';
import { Uid, type InstanceRef } from '../../../shared/domain/study';
import { judgeContent } from './content-policy';
import type { DicomEncoding } from './dicom-encoding';
import { skipped, type SkipOutcome } from './import-outcome';
import { wrapInPart10 } from './part10-wrapper';

/** An instance ready for the archive: Part 10 bytes and where it files. */
export interface ArchivableInstance {
  kind: 'archivable';
  part10: Uint8Array;
  ref: InstanceRef;
  /** True when the file was a bare data set and Tandem built its Part 10 meta header. */
  wrapped: boolean;
}

const PIXEL_DATA_TAGS = ['x7fe00010', 'x7fe00008', 'x7fe00009'];

/**
 * Parses a whole DICOM file and decides what to do with it: archive it (wrapped into Part 10 when
 * it was a bare data set), or skip it as 'corrupt' (fails to parse part-way, or an element runs
 * past the end of the file) or 'unsupported' (no valid UIDs, or content Tandem does not keep).
 */
export function classifyInstance(bytes: Buffer, encoding: DicomEncoding): ArchivableInstance | SkipOutcome {
  const parsed = parse(bytes, encoding);
  if ('kind' in parsed) return parsed;
  const ds = parsed.dataSet;
  const truncated = Object.values(ds.elements).some((el) => el.dataOffset + el.length > ds.byteArray.length);
  if (truncated) return skipped('corrupt', TRUNCATED);

  const ref = refOf(ds);
  if (!ref) return skipped('unsupported', 'DICOM without a valid Study, Series or SOP Instance UID: the archive cannot file it.');
  const sopClassUID = ds.string('x00080016') ?? ds.string('x00020002');
  if (!sopClassUID) return skipped('unsupported', 'DICOM without a SOP Class UID: not a stored image or report.');
  const verdict = judgeContent({
    sopClassUID,
    hasPixelData: PIXEL_DATA_TAGS.some((tag) => ds.elements[tag] !== undefined),
    hasImageMatrix: ds.elements.x00280010 !== undefined && ds.elements.x00280011 !== undefined,
  });
  if (!verdict.accepted) return skipped(verdict.reason, verdict.detail);

  if (encoding.kind === 'part10') return { kind: 'archivable', part10: bytes, ref, wrapped: false };
  const dataset = bytes.subarray(encoding.datasetOffset);
  const part10 = wrapInPart10(dataset, { sopClassUID, sopInstanceUID: ref.sopInstanceUID, transferSyntaxUID: encoding.transferSyntaxUID });
  return { kind: 'archivable', part10, ref, wrapped: true };
}

/**
 * The instance's UIDs from the head of a file, when the head reaches the pixel data; lets an
 * import recognise a duplicate without reading a 50 MB mammogram. Undefined when unsure.
 */
export function peekInstanceRef(head: Buffer, encoding: DicomEncoding): InstanceRef | undefined {
  try {
    const ds = parseWith(head, encoding, 'x7fe00010');
    return ds.elements.x7fe00010 ? refOf(ds) : undefined;
  } catch {
    return undefined;
  }
}

const TRUNCATED = 'The file is cut short (truncated): copy it again from the original media.';

function parse(bytes: Buffer, encoding: DicomEncoding): { dataSet: dicomParser.DataSet } | SkipOutcome {
  try {
    return { dataSet: parseWith(bytes, encoding) };
  } catch (err) {
    const reason = parserMessage(err);
    if (/overrun|past end|beyond|end of buffer/i.test(reason)) return skipped('corrupt', TRUNCATED);
    return skipped('corrupt', `The DICOM data is damaged and cannot be read (${reason}).`);
  }
}

function parseWith(bytes: Buffer, encoding: DicomEncoding, untilTag?: string): dicomParser.DataSet {
  const options = untilTag ? { untilTag } : {};
  if (encoding.kind === 'part10') return dicomParser.parseDicom(bytes, options);
  return dicomParser.parseDicom(bytes.subarray(encoding.datasetOffset), { ...options, TransferSyntaxUID: encoding.transferSyntaxUID });
}

function refOf(ds: dicomParser.DataSet): InstanceRef | undefined {
  const study = Uid.safeParse(ds.string('x0020000d'));
  const series = Uid.safeParse(ds.string('x0020000e'));
  const sop = Uid.safeParse(ds.string('x00080018'));
  if (!study.success || !series.success || !sop.success) return undefined;
  return { studyInstanceUID: study.data, seriesInstanceUID: series.data, sopInstanceUID: sop.data };
}

/** dicom-parser throws strings, Errors, or `{ exception, dataSet }`; this gets the text out. */
function parserMessage(err: unknown): string {
  if (typeof err === 'string') return err.replace(/^dicomParser[.:]\w+: /, '');
  if (err instanceof Error) return err.message.replace(/^dicomParser[.:]\w+: /, '');
  if (err && typeof err === 'object' && 'exception' in err) return parserMessage((err as { exception: unknown }).exception);
  return 'unknown parser error';
}
