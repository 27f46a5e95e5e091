import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { REPO_ROOT } from '../../fixtures/make-fixtures';
import type { DecodeTiming } from './decode-timing';
import { startLoopbackApp } from './loopback-app';

const PAGE_SOURCE = path.join(import.meta.dirname, 'decode-page');
const PAGE_OUT = path.join(REPO_ROOT, '.cache', 'bench', 'decode-page');
const STAMP_FILE = path.join(PAGE_OUT, 'stamp.txt');

/** Content hash of the page's sources and the loader version, so the page is rebuilt only when they change. */
async function pageStamp(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['index.html', 'main.ts']) hash.update(await readFile(path.join(PAGE_SOURCE, file)));
  hash.update(await readFile(path.join(REPO_ROOT, 'node_modules', '@cornerstonejs', 'dicom-image-loader', 'package.json')));
  return hash.digest('hex');
}

/** Bundles the decode page with Vite the way the renderer is bundled (ES workers, WASM assets). */
async function buildDecodePage(): Promise<void> {
  const stamp = await pageStamp();
  if ((await readFile(STAMP_FILE, 'utf8').catch(() => '')) === stamp) return;
  await build({
    configFile: false,
    root: PAGE_SOURCE,
    base: './',
    // The codecs' Emscripten glue names fs/path for Node; Vite's notes about externalising them are noise.
    logLevel: 'error',
    worker: { format: 'es' },
    build: { outDir: PAGE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8192 },
  });
  await writeFile(STAMP_FILE, stamp);
}

/** The decode page open in Chromium, holding copies of the files it may decode. */
export interface DecodePage {
  /** Decodes one file `repeats` times after one warm-up load (see decode-page/main.ts). */
  decode(name: string, repeats: number): Promise<DecodeTiming>;
  close(): Promise<void>;
}

/**
 * Opens the decode page, served by the loopback server with the app's headers, ready to decode
 * the given files through the renderer's loader path.
 */
export async function openDecodePage(browser: Browser, files: readonly { name: string; path: string }[]): Promise<DecodePage> {
  await buildDecodePage();
  await mkdir(path.join(PAGE_OUT, 'files'), { recursive: true });
  for (const file of files) await copyFile(file.path, path.join(PAGE_OUT, 'files', `${file.name}.dcm`));
  const app = await startLoopbackApp({ rendererDir: PAGE_OUT });
  const context = await browser.newContext().catch(async (err: unknown) => {
    await app.stop();
    throw err;
  });
  const close = async () => {
    await context.close();
    await app.stop();
  };
  try {
    const page = await context.newPage();
    await page.goto(`${app.origin}/index.html`);
    await page.waitForFunction(() => typeof window.tandemDecode === 'function');
    return {
      decode: (name, repeats) => page.evaluate(({ url, n }) => window.tandemDecode!(url, n), { url: `./files/${name}.dcm`, n: repeats }),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
