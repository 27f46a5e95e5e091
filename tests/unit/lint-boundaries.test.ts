import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the layer rules bite: each case lints a small file placed (virtually) in a layer and
 * expects `no-restricted-imports` to fire, or not.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/domain/x.ts', "import { App } from '../../renderer/app/App';"],
    ['shared/domain/x.ts', "import { createServices } from '../../electron/services/compose';"],
    ['shared/domain/x.ts', "import fs from 'node:fs';"],
    ['shared/domain/x.ts', "import { useState } from 'react';"],
    ['renderer/app/x.ts', "import { LocalArchive } from '../../electron/services/archive/local-archive';"],
    ['renderer/app/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/app/x.ts', "import path from 'path';"],
    ['electron/services/x.ts', "import { App } from '../../renderer/app/App';"],
    ['electron/services/x.ts', "import { app } from 'electron';"],
    ['electron/loopback/x.ts', "import { safeStorage } from 'electron';"],
    ['electron/main/window.ts', "import { ipcMain } from 'electron';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1;\n`)).not.toEqual([]);
  });

  it.each([
    ['renderer/app/x.ts', "import { contract } from '../../shared/ipc/contract';"],
    ['electron/services/x.ts', "import { contract } from '../../shared/ipc/contract';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';"],
    ['electron/preload/preload.ts', "import { ipcRenderer } from 'electron';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1;\n`)).toEqual([]);
  });
});
