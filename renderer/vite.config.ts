import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Vite config for the Tandem renderer (React + cornerstone3d 5.x).
 *
 * `root` is this folder (renderer/), so `renderer/index.html` is the entry; the build lands in
 * `<repo>/dist/renderer` with relative asset URLs (`base: './'`) so the same bundle works over
 * http://127.0.0.1 and from Electron (file:// or a custom protocol).
 */
const rendererRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(rendererRoot, '..');

/**
 * Cross-origin isolation: cornerstone uses SharedArrayBuffer when it is available, which the
 * browser only exposes when the page is crossOriginIsolated.
 */
const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // Lets the page's own sub-resources (workers, wasm) load under COEP require-corp.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The codecs are Emscripten UMD bundles that the dicom-image-loader imports by their
 * `decodewasmjs` / `wasmjs` subpaths; they must be pre-bundled (CJS -> ESM) in dev because the
 * loader itself is excluded from pre-bundling (see below).
 */
const codecEntries = [
  '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
  '@cornerstonejs/codec-charls/decodewasmjs',
  '@cornerstonejs/codec-openjpeg/decodewasmjs',
  '@cornerstonejs/codec-openjph/wasmjs',
  '@cornerstonejs/codec-libjxl/decodewasmjs',
];

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  optimizeDeps: {
    // The loader creates its decode worker with `new Worker(new URL('./decodeImageFrameWorker.js',
    // import.meta.url))`; pre-bundling would move the file and break that URL (and the wasm URLs).
    exclude: ['@cornerstonejs/dicom-image-loader', 'onnxruntime-web'],
    include: ['dicom-parser', ...codecEntries],
  },
  worker: {
    format: 'es',
  },
  server: {
    headers: crossOriginIsolationHeaders,
  },
  preview: {
    headers: crossOriginIsolationHeaders,
  },
  build: {
    outDir: path.join(repoRoot, 'dist', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The codecs' wasm files and the mammography-sized chunks are legitimately large.
    chunkSizeWarningLimit: 4096,
  },
});
