import type { BenchRow } from '../archive-query.bench';
import { type EncodingFixture, makeEncodingFixtures } from '../../fixtures/encodings';
import { DEFAULT_OUT_DIR, makeFixtures } from '../../fixtures/make-fixtures';
import type { ChromiumSession } from './chromium-session';
import { decodeInChromium } from './decode-browser';
import { NativeDecoders, type NativeTool, missingTool, nativeToolFor } from './decode-native';
import { median } from './stats';

const RATIO_TARGET = 1.5;

interface Comparable {
  file: EncodingFixture;
  tool: NativeTool;
  /** The uncompressed file with the same pixels, for the DCMTK start-up measurement. */
  counterpart: string;
}

/**
 * Per-image decode time of every encoding fixture that has a native decoder, in Chromium through
 * the renderer's loader, against DCMTK's dcmdjpeg / dcmdjpls / dcmdrle and OpenJPEG's
 * opj_decompress on the same file. A tool that is not installed is skipped with the reason.
 */
export async function benchDecode(session: ChromiumSession, repeats = 7, log: (line: string) => void = () => {}): Promise<BenchRow[]> {
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

  log(`  decoding ${comparable.length} files in Chromium (${repeats} repeats each)`);
  const inBrowser = await decodeInChromium(session.browser, comparable.map(({ file }) => file), repeats);
  const native = await NativeDecoders.create();
  try {
    for (const { file, tool, counterpart } of comparable) {
      const timing = inBrowser.get(file.name)!;
      const tandem = median(timing.totalMs);
      const worker = median(timing.workerMs);
      const n = await native.time(tool, file.path, counterpart, repeats);
      const decodeOnly = Math.max(n.ms - n.startupMs, 0.01);
      const raw = tandem / n.ms;
      const net = tandem / decodeOnly;
      const label = `${file.label} ${timing.columns}×${timing.rows}`;
      rows.push({
        label: `${label}: Tandem`,
        value: tandem,
        unit: 'ms',
        note: `worker decode ${worker.toFixed(1)} ms; ${tool} ${n.ms.toFixed(1)} ms, start-up ${n.startupMs.toFixed(1)} ms (${n.startupHow})`,
      });
      rows.push({
        label: `${label}: ratio Tandem / ${tool}`,
        value: raw,
        unit: '×',
        note: `start-up subtracted ${net.toFixed(2)}×; target ≤ ${RATIO_TARGET}: raw ${raw <= RATIO_TARGET ? 'met' : 'NOT met'}, start-up subtracted ${net <= RATIO_TARGET ? 'met' : 'NOT met'}`,
      });
    }
  } finally {
    await native.dispose();
  }
  return rows;
}
