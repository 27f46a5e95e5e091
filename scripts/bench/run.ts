import { benchImport } from '../../electron/services/import/import.bench';
import { benchOutbox } from '../../electron/services/outbox/outbox.bench';
import { benchArchiveQuery, type BenchRow } from './archive-query.bench';
import { formatRow } from './format-rows';
import { benchRendererInference } from './ai-renderer.bench';
import { benchInference } from './inference.bench';
import { benchRetrieval } from './retrieval.bench';
import { benchTransport } from './transport.bench';
import { benchViewer } from './viewer.bench';

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
  ['Reading viewer: FFDM hanging, renderer memory, decode against native decoders', () => benchViewer()],
  ['AI inference backends (same graph, same input)', benchInference],
  ['AI inference in the renderer (Chromium: WASM 1/2 threads, WebGPU where present)', benchRendererInference],
];

// `npm run bench -- <words>` runs only the sections whose title contains one of the words.
const only = process.argv.slice(2).map((w) => w.toLowerCase());
for (const [title, bench] of sections) {
  if (only.length > 0 && !only.some((w) => title.toLowerCase().includes(w))) continue;
  const rows = await bench();
  console.log(`\n${title}`);
  for (const row of rows) console.log(formatRow(row));
}
