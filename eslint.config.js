// One lint configuration for the whole repo. The import-boundary rules below are what keeps the
// layers honest: shared/ runs everywhere, electron/ and renderer/ never import each other, and
// only the Electron shell may import 'electron'.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { regex: '^(node:.*|fs|path|os|child_process|net|http|https|crypto|stream|url|worker_threads)(/.*)?$', message: 'This layer also runs in the browser: no Node built-ins.' };
const intoRenderer = { regex: '(^|/)renderer(/|$)', message: 'electron/ and shared/ must not import from renderer/.' };
const intoElectronLayer = { regex: '(^|/)electron/', message: 'renderer/ and shared/ must not import from electron/.' };
const electronModule = { regex: '^electron(/.*)?$', message: "Only electron/main and electron/preload may import 'electron': services must run in plain Node." };
const appLayers = { regex: '(^|/)(electron|renderer)(/|$)', message: 'shared/ imports nothing from the app.' };
const frameworks = { regex: '^(react|react-dom|@cornerstonejs/.*|electron-store|conf)$', message: 'shared/ holds pure TypeScript: no UI, imaging or storage frameworks.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.cache/', 'test-results/', 'playwright-report/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appLayers, electronModule, nodeBuiltins, frameworks] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [intoElectronLayer, electronModule, nodeBuiltins] }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [intoRenderer, electronModule] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [intoRenderer],
          paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Raw IPC lives only in electron/main/ipc.ts and electron/preload/preload.ts.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [intoRenderer] }] },
  },
);
