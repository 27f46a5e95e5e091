import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the Node side: Electron's main process and preload (CommonJS, as Electron's sandboxed
 * preload requires) and the loopback server (ESM for plain Node). Each bundle carries the shared
 * contract and the services, so a packaged app needs no TypeScript at run time.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // Code shared by the ESM and CommonJS bundles reads import.meta.url only when it is a string
  // and falls back to __filename (e.g. fork-ort-host.ts): an empty import.meta is expected there.
  logOverride: { 'empty-import-meta': 'silent' },
};

await Promise.all([
  // onnxruntime-node loads a native binding, so it stays a runtime dependency (electron-builder unpacks it).
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', target: 'node22', external: ['electron', 'onnxruntime-node'] }),
  // The native inference process: Electron's utility process, and the loopback server's child.
  build({ ...common, entryPoints: ['electron/services/models/ort-host-entry.ts'], outfile: 'dist/electron/ort-host.cjs', format: 'cjs', target: 'node22', external: ['onnxruntime-node'] }),
  build({ ...common, entryPoints: ['electron/services/models/ort-host-entry.ts'], outfile: 'dist/loopback/ort-host.cjs', format: 'cjs', target: 'node20', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', target: 'node22', external: ['electron'] }),
  build({
    ...common,
    entryPoints: ['electron/loopback/main.ts'],
    outfile: 'dist/loopback/main.mjs',
    format: 'esm',
    target: 'node20',
    packages: 'external',
  }),
]);
console.log('Bundled dist/electron/{main,preload,ort-host}.cjs and dist/loopback/{main.mjs,ort-host.cjs}');
