import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Vite config for the Tandem renderer (React + cornerstone3d 5.x).
 *
 * `root` is this folder (renderer/), so `renderer/index.html` is the entry; the build lands in
 * `<repo>/dist/renderer` with relative asset URLs (`base: './'`) so the same bundle works over
 * http://127.0.0.1 and from Electron's app:// protocol (file:// would not do: module workers and
 * crossOriginIsolated need a real origin and the COOP/COEP headers below on every response).
 */
// import.meta.dirname (Node >= 20.11, also injected by Vite's config bundler) instead of node:path,
// which the renderer layer's lint boundary forbids.
const rendererRoot = import.meta.dirname;

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

/**
 * onnxruntime-web's "extern wasm" build: its Emscripten glue (.mjs) and binary (.wasm) stay
 * separate files, which the inference worker imports with `?url` so Vite copies them into the
 * build and the app serves them itself (renderer/inference/ortRuntime.ts). The default bundled
 * build would inline the glue and start its WASM threads from the bundle's own URL, which after
 * bundling is our worker chunk, not ORT's.
 */
const ortExternWasmBuild = `${rendererRoot}/../node_modules/onnxruntime-web/dist/ort.min.mjs`;

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^onnxruntime-web$/, replacement: ortExternWasmBuild }],
  },
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
    // Relative to `root`: <repo>/dist/renderer. Outside root, so emptyOutDir must be explicit.
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // cornerstone + vtk.js make one ~4.5 MB chunk; it is loaded locally, never over a WAN.
    chunkSizeWarningLimit: 6144,
    rollupOptions: {
      // The app, and the page the inference benchmark drives (scripts/bench/ai-renderer.bench.ts).
      input: { main: `${rendererRoot}/index.html`, inferenceBench: `${rendererRoot}/inference/bench/index.html` },
    },
  },
});
