import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalArchive } from '../../electron/services/archive/local-archive';
import { readPart10Header } from '../../electron/services/archive/part10-header';
import { writePart10 } from '../fixtures/dcmjs-io';
import { uidFromParts } from '../fixtures/uids';

export interface BenchRow {
  label: string;
  value: number;
  unit: string;
  note?: string;
}

const SURNAMES = ['IVANOVA', 'PETROVA', 'SMIRNOVA', 'KUZNETSOVA', 'POPOVA', 'SOKOLOVA', 'LEBEDEVA', 'KOZLOVA', 'NOVIKOVA', 'MOROZOVA'];

/**
 * The worklist answered from the archive, offline: 10,000 studies laid out on disk as the
 * archive writes them (one header-only instance each), then the same queries a reader types.
 * Target from the issue: median ≤ 100 ms per query.
 */
export async function benchArchiveQuery(studyCount = 10_000): Promise<BenchRow[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-archive-'));
  for (let i = 0; i < studyCount; i++) {
    const study = uidFromParts('bench', 'study', String(i));
    const series = uidFromParts('bench', 'series', String(i));
    const sop = uidFromParts('bench', 'sop', String(i));
    const bytes = writePart10({
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.2',
      SOPInstanceUID: sop,
      StudyInstanceUID: study,
      SeriesInstanceUID: series,
      PatientName: `${SURNAMES[i % SURNAMES.length]}^PATIENT${i}`,
      PatientID: `P${String(i).padStart(6, '0')}`,
      StudyDate: `2025${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`,
      Modality: i % 3 === 0 ? 'DX' : 'MG',
      StudyDescription: i % 3 === 0 ? 'CHEST PA' : 'MAMMOGRAPHY SCREENING',
      AccessionNumber: `A${i}`,
    });
    await mkdir(path.join(root, study, series), { recursive: true });
    await writeFile(path.join(root, study, series, `${sop}.dcm`), bytes);
    await writeFile(path.join(root, study, 'index.json'), JSON.stringify({ version: 3, instances: [{ header: readPart10Header(bytes), size: bytes.length }] }));
  }
  const archive = new LocalArchive(root);
  const openStarted = performance.now();
  await archive.status();
  const openMs = performance.now() - openStarted;

  const queries = [
    { patientName: 'ivanova' },
    { patientID: 'P004321' },
    { modality: 'MG' as const, studyDateFrom: '20250301', studyDateTo: '20250331' },
    { studyDescription: 'chest' },
    {},
  ];
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const started = performance.now();
      await archive.searchForStudies({ ...q, limit: 50, offset: 0 });
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return [
    { label: `archive worklist query, ${studyCount} studies (median)`, value: median, unit: 'ms', note: `target ≤ 100 ms: ${median <= 100 ? 'met' : 'NOT met'}` },
    { label: `archive open + integrity check, ${studyCount} studies`, value: openMs, unit: 'ms' },
  ];
}
