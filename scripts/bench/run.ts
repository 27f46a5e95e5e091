import { benchImport } from '../../electron/services/import/import.bench';
import { benchOutbox } from '../../electron/services/outbox/outbox.bench';
import { benchArchiveQuery, type BenchRow } from './archive-query.bench';
import { benchInference } from './inference.bench';
import { benchRetrieval } from './retrieval.bench';
import { benchTransport } from './transport.bench';

/**
 * `npm run bench`: every benchmark, side by side in one run, with its ratio or target.
 */
const sections: [string, () => Promise<BenchRow[]>][] = [
  ['Transport overhead', benchTransport],
  ['Retrieval from a PACS (Orthanc on loopback)', benchRetrieval],
  ['Offline worklist over the archive', () => benchArchiveQuery()],
  [
    'Import from a folder',
    async () => {
      const r = await benchImport();
      return [
        { label: `${r.label}: Tandem`, value: r.tandemMs, unit: 'ms' },
        { label: `${r.label}: cp -r`, value: r.baselineMs, unit: 'ms' },
        { label: 'import ratio Tandem / cp -r', value: r.ratio, unit: '×', note: 'Tandem parses, de-duplicates, indexes and fsyncs each file' },
      ];
    },
  ],
  ['Outbox: what "saved" costs', benchOutbox],
  ['AI inference backends (same graph, same input)', benchInference],
];

for (const [title, bench] of sections) {
  const rows = await bench();
  console.log(`\n${title}`);
  for (const row of rows) {
    const value = row.unit === '×' ? row.value.toFixed(2) : row.value.toFixed(row.value < 10 ? 3 : 1);
    console.log(`  ${row.label.padEnd(62)} ${value.padStart(10)} ${row.unit.padEnd(3)} ${row.note ?? ''}`);
  }
}
