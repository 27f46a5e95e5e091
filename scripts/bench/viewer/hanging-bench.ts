import os from 'node:os';
import type { BenchRow } from '../archive-query.bench';
import type { ChromiumSession } from './chromium-session';
import { FFDM_DIR, FFDM_SIZES, ensureFfdmPair } from './ffdm-studies';
import { type HangingTimes, installHangingProbe, readHangingProbe } from './hanging-probe';
import { startLoopbackApp } from './loopback-app';
import { type MemoryPeaks, type MemorySample, chromiumProcesses, sampleMemory, startMemorySampler } from './renderer-memory';
import { cpuSeconds } from './process-cpu';
import { median } from './stats';

const FIRST_IMAGE_TARGET_MS = 250;
const ALL_EIGHT_TARGET_MS = 1500;
const MEMORY_BUDGET_BYTES = 1.5 * 1024 ** 3;
/** Page Down twice: current 4-up → CC prior above current → MLO prior above current. */
const PRIOR_STAGES = 2;
const VIEWPORT = { width: 1920, height: 1080 };
/** tsx (esbuild keepNames) wraps named functions in `__name(...)`; the page needs it to run them. */
const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

interface Run {
  firstImageMs: number;
  fourUpMs: number;
  ccStageMs: number;
  allEightMs: number;
  baseline: MemorySample;
  peaks: MemoryPeaks;
  /** Renderer memory 1 s after the last image, with all 8 open. */
  held: MemorySample;
  /** The same after a forced garbage collection: what the viewer really keeps. */
  retained: MemorySample;
  /** After going back to the worklist and a forced garbage collection. */
  afterClose: MemorySample;
  /** CPU seconds used from the double-click to the last stage: renderer, and GPU process (SwiftShader). */
  rendererCpuS: number;
  gpuCpuS: number;
}

async function waitForRenderersToExit(browserPid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await chromiumProcesses(browserPid, 'renderer')).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

function summarise(times: HangingTimes, current: readonly string[], prior: readonly string[]): Pick<Run, 'firstImageMs' | 'fourUpMs' | 'ccStageMs' | 'allEightMs'> {
  if (times.error) throw new Error(`The viewer failed while the bench stepped through the study: ${times.error}`);
  const at = (uid: string) => {
    const t = times.renderedAt[uid];
    if (t === undefined) throw new Error(`Image ${uid} never rendered.`);
    return t;
  };
  return {
    firstImageMs: Math.min(...current.map(at)),
    fourUpMs: Math.max(...current.map(at)),
    ccStageMs: Object.entries(times.stageDoneAt).find(([stage]) => stage.startsWith('CC'))?.[1] ?? Number.NaN,
    allEightMs: Math.max(...[...current, ...prior].map(at)),
  };
}

/**
 * One reading: a fresh browser context (so a fresh renderer and an empty image cache) opens the
 * worklist, double-clicks the current study and steps at once through both prior stages, while
 * the renderer's memory is sampled every 50 ms.
 */
async function readOnce(session: ChromiumSession, appUrl: string, currentUid: string, current: readonly string[], prior: readonly string[]): Promise<Run> {
  await waitForRenderersToExit(session.browserPid);
  const context = await session.browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: KEEP_NAMES_SHIM });
    const page = await context.newPage();
    await page.goto(appUrl);
    const row = page.locator(`[data-testid="worklist-row"][data-study-uid="${currentUid}"]`);
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await page.evaluate(installHangingProbe, PRIOR_STAGES);
    const baseline = await sampleMemory(await chromiumProcesses(session.browserPid, 'renderer'));
    const cpu = async () => ({
      renderer: await cpuSeconds(await chromiumProcesses(session.browserPid, 'renderer')),
      gpu: await cpuSeconds(await chromiumProcesses(session.browserPid, 'gpu-process')),
    });
    const cpuBefore = await cpu();
    const sampler = startMemorySampler(session.browserPid);
    let peaks: MemoryPeaks | undefined;
    let cpuAfter = cpuBefore;
    try {
      await row.dblclick();
      await page.waitForFunction(() => (window as { tandemBenchProbe?: HangingTimes }).tandemBenchProbe?.done === true, undefined, { polling: 100, timeout: 180_000 });
      cpuAfter = await cpu();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      peaks = await sampler.stop();
    }
    const renderer = async () => sampleMemory(await chromiumProcesses(session.browserPid, 'renderer'));
    const held = await renderer();
    const times = await page.evaluate(readHangingProbe);
    if (!times) throw new Error('The in-page probe vanished (did the page reload?).');
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const retained = await renderer();
    await page.getByRole('button', { name: /Worklist/ }).click();
    await row.waitFor({ state: 'visible' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cdp.send('HeapProfiler.collectGarbage');
    const afterClose = await renderer();
    return {
      ...summarise(times, current, prior),
      baseline,
      peaks,
      held,
      retained,
      afterClose,
      rendererCpuS: cpuAfter.renderer - cpuBefore.renderer,
      gpuCpuS: cpuAfter.gpu - cpuBefore.gpu,
    };
  } finally {
    await context.close();
  }
}

const mb = (bytes: number) => bytes / 1024 ** 2;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/**
 * Time to the first image and to all 8 of a full-field current + prior pair read from the local
 * archive, and the renderer's peak memory meanwhile, over `repeats` readings (medians; memory
 * peaks are the largest seen).
 */
export async function benchHanging(session: ChromiumSession, repeats = 3, log: (line: string) => void = () => {}): Promise<BenchRow[]> {
  const pair = await ensureFfdmPair(log);
  const current = pair.current.instances.map((i) => i.sopInstanceUID);
  const prior = pair.prior.instances.map((i) => i.sopInstanceUID);
  const app = await startLoopbackApp();
  const runs: Run[] = [];
  const loadBefore = os.loadavg()[0]!;
  try {
    const summary = await app.call<{ imported: number; skipped: unknown[] }>('imports.importPaths', [[FFDM_DIR]]);
    if (summary.imported !== current.length + prior.length) throw new Error(`Importing the FFDM studies stored ${summary.imported} of 8 images: ${JSON.stringify(summary.skipped)}`);
    await app.call('settings.update', [{ activeSourceId: 'local' }]);
    // Reading 0 warms the shared GPU process (shader compilation) and the page cache; not counted.
    for (let i = 0; i <= repeats; i++) {
      const run = await readOnce(session, app.appUrl, pair.current.studyInstanceUID, current, prior);
      log(`  reading ${i}${i === 0 ? ' (warm-up)' : `/${repeats}`}: first ${run.firstImageMs.toFixed(0)} ms, 4-up ${run.fourUpMs.toFixed(0)} ms, 8 images ${run.allEightMs.toFixed(0)} ms, renderer peak ${mb(run.peaks.renderer.pss).toFixed(0)} MB PSS`);
      if (i > 0) runs.push(run);
    }
  } finally {
    await app.stop();
  }
  const load = `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
  const first = median(runs.map((r) => r.firstImageMs));
  const fourUp = median(runs.map((r) => r.fourUpMs));
  const allEight = median(runs.map((r) => r.allEightMs));
  const peak = (pick: (r: Run) => number) => Math.max(...runs.map(pick));
  const peakPss = peak((r) => r.peaks.renderer.pss);
  const peakPrivate = peak((r) => r.peaks.renderer.private);
  const peakRss = peak((r) => r.peaks.renderer.rss);
  const sizes = `${FFDM_SIZES['mammo-current'].columns}×${FFDM_SIZES['mammo-current'].rows} + ${FFDM_SIZES['mammo-prior'].columns}×${FFDM_SIZES['mammo-prior'].rows}`;
  const budget = `budget ${mb(MEMORY_BUDGET_BYTES).toFixed(0)} MB`;
  return [
    {
      label: 'time to first image (current 4-up)',
      value: first,
      unit: 'ms',
      note: `target ≤ ${FIRST_IMAGE_TARGET_MS} ms: ${verdict(first <= FIRST_IMAGE_TARGET_MS)} (FFDM ${sizes}, window ${VIEWPORT.width}×${VIEWPORT.height}, median of ${runs.length} readings)`,
    },
    { label: 'time to the full current 4-up', value: fourUp, unit: 'ms', note: `${load}; WebGL is SwiftShader (CPU) here` },
    { label: 'time to the CC comparison stage (prior above current)', value: median(runs.map((r) => r.ccStageMs)), unit: 'ms' },
    { label: 'time to 4 current + 4 prior rendered', value: allEight, unit: 'ms', note: `target ≤ ${ALL_EIGHT_TARGET_MS} ms: ${verdict(allEight <= ALL_EIGHT_TARGET_MS)} (Page Down ×2, each as soon as its stage rendered)` },
    {
      label: 'CPU used until the 8th image: renderer + GPU process',
      value: median(runs.map((r) => r.rendererCpuS + r.gpuCpuS)),
      unit: 's',
      note: `renderer ${median(runs.map((r) => r.rendererCpuS)).toFixed(1)} s, GPU process (SwiftShader) ${median(runs.map((r) => r.gpuCpuS)).toFixed(1)} s (medians)`,
    },
    { label: 'renderer memory before opening (PSS, median)', value: mb(median(runs.map((r) => r.baseline.pss))), unit: 'MB' },
    { label: 'renderer peak with 8 FFDM images (PSS)', value: mb(peakPss), unit: 'MB', note: `${budget}: ${verdict(peakPss <= MEMORY_BUDGET_BYTES)}` },
    { label: 'renderer peak (private)', value: mb(peakPrivate), unit: 'MB', note: `${budget}: ${verdict(peakPrivate <= MEMORY_BUDGET_BYTES)}` },
    { label: 'renderer peak (RSS)', value: mb(peakRss), unit: 'MB', note: `${budget}: ${verdict(peakRss <= MEMORY_BUDGET_BYTES)}` },
    { label: 'renderer 1 s after the 8th image (PSS, median)', value: mb(median(runs.map((r) => r.held.pss))), unit: 'MB' },
    { label: 'renderer with 8 open, after a forced GC (PSS, median)', value: mb(median(runs.map((r) => r.retained.pss))), unit: 'MB', note: `${mb(peakPss - median(runs.map((r) => r.retained.pss))).toFixed(0)} MB of the peak was collectable garbage` },
    { label: 'renderer back on the worklist, after GC (PSS, median)', value: mb(median(runs.map((r) => r.afterClose.pss))), unit: 'MB', note: `closing the study released ${Math.round(mb(median(runs.map((r) => r.retained.pss - r.afterClose.pss)))) || 0} MB` },
    { label: 'GPU process peak (PSS; SwiftShader textures live here)', value: mb(peak((r) => r.peaks.gpu.pss)), unit: 'MB', note: 'not renderer memory; on a real GPU this is VRAM' },
  ];
}
