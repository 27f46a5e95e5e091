import dicomParser from 'dicom-parser';

/** One directory record of a DICOMDIR that names a file on the medium. */
export interface DicomdirFileRecord {
  /** DirectoryRecordType (0004,1430): IMAGE, SR DOCUMENT, PRESENTATION, KEY OBJECT DOC… */
  recordType: string;
  /** ReferencedFileID (0004,1500): path components relative to the DICOMDIR's folder. */
  fileId: string[];
}

export type DicomdirReading = { ok: true; records: DicomdirFileRecord[] } | { ok: false; problem: string };

const DIRECTORY_RECORD_SEQUENCE = 'x00041220';
const RECORD_IN_USE_FLAG = 'x00041410';
const DIRECTORY_RECORD_TYPE = 'x00041430';
const REFERENCED_FILE_ID = 'x00041500';
const INACTIVE_RECORD = 0x0000;

/**
 * Reads the records of a DICOMDIR (PS3.10 §8, PS3.3 F.5) that reference files, in the order the
 * DirectoryRecordSequence lists them. PATIENT, STUDY and SERIES records name no file and are left
 * out, as are records flagged inactive. The hierarchy offsets are not followed: every referenced
 * file is imported, wherever it hangs in the tree.
 */
export function readDicomdirRecords(bytes: Uint8Array): DicomdirReading {
  let items: dicomParser.Element[] | undefined;
  try {
    items = dicomParser.parseDicom(bytes).elements[DIRECTORY_RECORD_SEQUENCE]?.items;
  } catch {
    return { ok: false, problem: 'it is damaged and cannot be parsed' };
  }
  if (!items) return { ok: false, problem: 'it has no Directory Record Sequence' };
  const records: DicomdirFileRecord[] = [];
  for (const item of items) {
    const record = item.dataSet;
    if (!record || record.uint16(RECORD_IN_USE_FLAG) === INACTIVE_RECORD) continue;
    const fileId = record.string(REFERENCED_FILE_ID);
    if (!fileId) continue;
    records.push({
      recordType: record.string(DIRECTORY_RECORD_TYPE) ?? '',
      fileId: fileId.split('\\').map((component) => component.trim()),
    });
  }
  return { ok: true, records };
}
