import type { BenchRow } from '../archive-query.bench';
import { type EncodingFixture, makeEncodingFixtures } from '../../fixtures/encodings';
import { DEFAULT_OUT_DIR, makeFixtures } from '../../fixtures/make-fixtures';
import type { ChromiumSession } from './chromium-session';
import { openDecodePage } from './decode-browser';
import type { DecodeTiming } from './decode-timing';
import { NativeDecoders, type NativeTiming, type NativeTool, missingTool, nativeToolFor } from './decode-native';
import { median } from './stats';

const RATIO_TARGET = 1.5;

interface Comparable {
  file: EncodingFixture;
  tool: NativeTool;
  /** The uncompressed file with the same pixels, for the DCMTK start-up measurement. */
  counterpart: string;
}

const verdict = (ratio: number) => (ratio <= RATIO_TARGET ? 'met' : 'NOT met');

/**
 * Two rows per file. Raw: Tandem's whole load (Blob read, parse, worker decode, image) against
 * the native tool's whole process (start, parse, decode, write). Start-up subtracted: the same
 * Tandem time against the native time less its start-up; and the codec alone: the loader's
 * worker decode time against that.
 */
function decodeRows(file: EncodingFixture, timing: DecodeTiming, n: NativeTiming): BenchRow[] {
  const tandem = median(timing.totalMs);
  const worker = median(timing.workerMs);
  const nativeDecode = n.ms - n.startupMs;
  const label = `${file.label} ${timing.columns}×${timing.rows}`;
  const raw = tandem / n.ms;
  // Below a millisecond the difference is noise between two process timings, not a decode time.
  const net = nativeDecode >= 1 ? `${(tandem / nativeDecode).toFixed(2)}× (${verdict(tandem / nativeDecode)})` : 'n/a (native decode within start-up noise)';
  const codec = nativeDecode >= 1 ? `${(worker / nativeDecode).toFixed(2)}×` : 'n/a';
  return [
    {
      label: `${label}: Tandem`,
      value: tandem,
      unit: 'ms',
      note: `worker decode ${worker.toFixed(0)} ms; ${n.tool} ${n.ms.toFixed(1)} ms, start-up ${n.startupMs.toFixed(1)} ms (${n.startupHow})`,
    },
    {
      label: `${label}: Tandem / ${n.tool}`,
      value: raw,
      unit: '×',
      note: `raw ${verdict(raw)} (target ≤ ${RATIO_TARGET}); start-up subtracted ${net}; codec alone ${codec}`,
    },
  ];
}

/**
 * Per-image decode time of every encoding fixture that has a native decoder, in Chromium through
 * the renderer's loader, against DCMTK's dcmdjpeg / dcmdjpls / dcmdrle and OpenJPEG's
 * opj_decompress on the same file. A tool that is not installed is skipped with the reason.
 */
export async function benchDecode(session: ChromiumSession, repeats = 9, log: (line: string) => void = () => {}): Promise<BenchRow[]> {
  const manifest = await makeFixtures({ outDir: DEFAULT_OUT_DIR });
  const set = await makeEncodingFixtures(manifest, DEFAULT_OUT_DIR);
  const byName = new Map(set.files.map((f) => [f.name, f]));
  const rows: BenchRow[] = [];
  const missing = new Map<NativeTool, string | undefined>();
  const comparable: Comparable[] = [];
  for (const file of set.files) {
    const tool = nativeToolFor(file.transferSyntaxUID);
    if (!tool || file.corrupt) continue;
    if (!missing.has(tool)) missing.set(tool, missingTool(tool));
    const reason = missing.get(tool);
    if (reason) {
      rows.push({ label: `${file.label}: skipped`, value: 0, unit: '', note: reason });
      continue;
    }
    const counterpart = byName.get(file.identicalTo ?? file.resembles ?? '');
    if (!counterpart) throw new Error(`The encoding fixture ${file.name} names no uncompressed counterpart.`);
    comparable.push({ file, tool, counterpart: counterpart.path });
  }
  if (comparable.length === 0) return rows;

  log(`  decoding ${comparable.length} files, in Chromium and natively (${repeats} repeats each)`);
  const page = await openDecodePage(session.browser, comparable.map(({ file }) => file));
  const native = await NativeDecoders.create().catch(async (err: unknown) => {
    await page.close();
    throw err;
  });
  try {
    // File by file, Chromium then native, so both sides see the same machine load.
    for (const { file, tool, counterpart } of comparable) {
      const timing = await page.decode(file.name, repeats);
      const n = await native.time(tool, file.path, counterpart, repeats);
      rows.push(...decodeRows(file, timing, n));
    }
  } finally {
    await native.dispose();
    await page.close();
  }
  return rows;
}
