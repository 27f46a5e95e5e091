import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../fixtures/make-fixtures';
import type { BenchRow } from './archive-query.bench';
import { formatRow } from './format-rows';
import { launchChromium } from './viewer/chromium-session';
import { benchDecode } from './viewer/decode-bench';
import { benchHanging } from './viewer/hanging-bench';

/**
 * The reading viewer (issue 4), in the built app in Chromium: time to the first image, the 4-up
 * and all 8 images of a full-field current + prior pair from the local archive, the renderer's
 * peak memory meanwhile, and per-codec decode time against native decoders on the same files.
 * Needs `npm run build` first; starts its own loopback servers and Chromium and stops them.
 */
export async function benchViewer(log: (line: string) => void = () => {}): Promise<BenchRow[]> {
  const missing = [
    [path.join(REPO_ROOT, 'dist', 'loopback', 'main.mjs'), 'the app is not built: run "npm run build" first'],
    [process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)'],
  ].find(([file]) => !existsSync(file!));
  if (missing) return [{ label: 'reading viewer bench skipped', value: 0, unit: '', note: missing[1] }];
  const session = await launchChromium();
  try {
    return [...(await benchHanging(session, 3, log)), ...(await benchDecode(session, 9, log))];
  } finally {
    await session.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await benchViewer((line) => console.log(line));
  console.log('\nReading viewer');
  for (const row of rows) console.log(formatRow(row));
}
