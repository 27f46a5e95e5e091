import { readString, type DicomJsonDataset } from '../../../shared/dicom/dicom-json';
import { cadFromSr } from '../../../shared/dicom/sr/cad-from-sr';
import { reportFromSr } from '../../../shared/dicom/sr/report-from-sr';
import { text } from '../../../shared/dicom/sr/sr-reader';
import { Tag } from '../../../shared/dicom/tags';
import { LOCAL_SOURCE_ID, type InstanceRef } from '../../../shared/domain/study';
import type { ReadBack } from '../../../shared/report/read-back';
import type { LocalArchive } from '../archive/local-archive';
import { DicomwebSource } from '../dicomweb/dicomweb-source';
import type { PacsConnection } from '../dicomweb/pacs-connection';
import { readPart10 } from './part10-codec';

/** Where the study's SR objects are read from: the PACS (another workstation's reports) or the archive. */
export interface SrSource {
  listSr(studyInstanceUID: string): Promise<InstanceRef[]>;
  read(ref: InstanceRef): Promise<Uint8Array>;
}

export function pacsSrSource(connection: PacsConnection): SrSource {
  const source = new DicomwebSource(connection);
  return {
    async listSr(studyInstanceUID) {
      const metadata: DicomJsonDataset[] = await source.retrieveStudyMetadata(studyInstanceUID);
      return metadata
        .filter((ds) => readString(ds, Tag.Modality) === 'SR')
        .map((ds) => ({ studyInstanceUID, seriesInstanceUID: readString(ds, Tag.SeriesInstanceUID) ?? '', sopInstanceUID: readString(ds, Tag.SOPInstanceUID) ?? '' }));
    },
    read: (ref) => source.retrieveInstance(ref),
  };
}

export function archiveSrSource(archive: LocalArchive): SrSource {
  return {
    async listSr(studyInstanceUID) {
      const study = await archive.getStudy(studyInstanceUID);
      return (study?.series ?? [])
        .filter((s) => s.modality === 'SR')
        .flatMap((s) => s.instances.map((i) => ({ studyInstanceUID, seriesInstanceUID: s.seriesInstanceUID, sopInstanceUID: i.sopInstanceUID })));
    },
    read: (ref) => archive.readInstance(ref),
  };
}

/**
 * Finds a study's SR objects and decodes Tandem's reports and CAD SRs among them; other SRs are
 * skipped, and ones that cannot be decoded are listed with the reason rather than dropped.
 */
export async function readBackStudy(source: SrSource, studyInstanceUID: string): Promise<ReadBack> {
  const out: ReadBack = { studyInstanceUID, reports: [], cad: [], unreadable: [] };
  for (const ref of await source.listSr(studyInstanceUID)) {
    try {
      const ds = readPart10(await source.read(ref));
      const report = reportFromSr(ds);
      if (report) {
        out.reports.push({
          sopInstanceUID: ref.sopInstanceUID,
          seriesInstanceUID: ref.seriesInstanceUID,
          verified: text(ds['VerificationFlag']) === 'VERIFIED',
          observer: report.observer,
          contentDateTime: `${text(ds['ContentDate'])}${text(ds['ContentTime'])}` || undefined,
          report: report.report,
          revisionReason: report.revisionReason,
        });
        continue;
      }
      const cad = cadFromSr(ds);
      if (cad) out.cad.push({ sopInstanceUID: ref.sopInstanceUID, ...cad });
    } catch (err) {
      out.unreadable.push({ sopInstanceUID: ref.sopInstanceUID, reason: err instanceof Error ? err.message.slice(0, 200) : 'unreadable' });
    }
  }
  return out;
}

export function isLocal(sourceId: string): boolean {
  return sourceId === LOCAL_SOURCE_ID;
}
