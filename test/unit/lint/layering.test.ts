import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

/** Lints source text as if it were the file at `file` (relative to the project), with the real config. */
async function lint(file: string, code: string): Promise<{ errors: string[]; warnings: number }> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const messages = result?.messages ?? [];
  return {
    errors: messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`),
    warnings: messages.filter((m) => m.severity === 1).length,
  };
}

/** Expects the import to be refused by the layering rule, as an error. */
async function expectLayeringError(file: string, code: string): Promise<void> {
  const { errors } = await lint(file, code);
  expect(errors.some((e) => e.startsWith('no-restricted-imports') || e.startsWith('no-restricted-syntax')), `${file}: ${code}\n${errors.join('\n')}`).toBe(true);
}

beforeAll(() => {
  // The probes are not files on disk, so the type-aware rules (which need the TypeScript project)
  // are off here; the layering rules under test need no types.
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: path.join(root, 'eslint.config.js'),
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
});

describe('the layering lint rule (eslint.config.js)', () => {
  it('makes a renderer file importing electron an error', async () => {
    await expectLayeringError('renderer/pages/Probe.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n");
    await expectLayeringError('renderer/data/probe.ts', "export { shell } from 'electron';\n");
  });

  it('makes a renderer file importing better-sqlite3 an error', async () => {
    await expectLayeringError('renderer/data/probe.ts', "import Database from 'better-sqlite3';\nexport const db = new Database(':memory:');\n");
  });

  it('makes a renderer file importing node:fs (or fs) an error', async () => {
    await expectLayeringError('renderer/data/probe.ts', "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n");
    await expectLayeringError('renderer/data/probe.ts', "import { readFileSync } from 'fs';\nexport const read = readFileSync;\n");
  });

  it('makes a renderer file reaching into electron/ an error, even dynamically or with require', async () => {
    await expectLayeringError('renderer/data/probe.ts', "import { dispatch } from '../../electron/backend/dispatch.ts';\nexport const d = dispatch;\n");
    await expectLayeringError('renderer/data/probe.ts', "export const load = () => import('electron');\n");
    await expectLayeringError('renderer/data/probe.ts', "export const load = () => import('better-sqlite3');\n");
    await expectLayeringError('renderer/data/probe.ts', "export const e = require('electron');\n");
  });

  it('makes electron/backend importing electron an error', async () => {
    await expectLayeringError('electron/backend/probe.ts', "import { app } from 'electron';\nexport const a = app;\n");
    await expectLayeringError('electron/backend/probe.ts', "export const load = () => import('electron');\n");
    await expectLayeringError('electron/backend/probe.ts', "import { x } from '../main/index.ts';\nexport const y = x;\n");
  });

  it('makes shared importing from the renderer (or node:, electron, react) an error', async () => {
    await expectLayeringError('shared/contract/probe.ts', "import { api } from '../../renderer/data/api.ts';\nexport const a = api;\n");
    await expectLayeringError('shared/domain/probe.ts', "import path from 'node:path';\nexport const p = path;\n");
    await expectLayeringError('shared/domain/probe.ts', "import { app } from 'electron';\nexport const a = app;\n");
    await expectLayeringError('shared/domain/probe.ts', "import { useState } from 'react';\nexport const s = useState;\n");
    await expectLayeringError('shared/domain/probe.ts', "import { handlers } from '../../electron/backend/handlers/index.ts';\nexport const h = handlers;\n");
  });

  it('makes the preload importing the backend or node: an error', async () => {
    await expectLayeringError('electron/preload/probe.ts', "import fs from 'node:fs';\nexport const f = fs;\n");
    await expectLayeringError('electron/preload/probe.ts', "import { handlers } from '../backend/handlers/index.ts';\nexport const h = handlers;\n");
  });

  it('makes an import cycle an error, with no file exempt (the rollups reached back through their index)', async () => {
    const probe = "import { rebuildRollups } from './index.ts';\nexport const SEP = '\\u001f';\nexport const x = rebuildRollups;\n";
    const { errors } = await lint('electron/backend/rollups/keys.ts', probe);
    expect(errors.some((e) => e.startsWith('import-x/no-cycle')), errors.join('\n')).toBe(true);
    const clean = await lint('electron/backend/rollups/keys.ts', "export const SEP = '\\u001f';\n");
    expect(clean.errors).toEqual([]);
  });

  it('lets clean files through with no error and no warning', async () => {
    const cases: [string, string][] = [
      ['renderer/data/probe.ts', "import { callNames } from '../../shared/contract/index.ts';\nexport const names = callNames;\n"],
      ['renderer/pages/Probe.tsx', "import { useState } from 'react';\nexport function Probe() {\n  const [n] = useState(0);\n  return n;\n}\n"],
      ['electron/backend/probe.ts', "import fs from 'node:fs';\nimport Database from 'better-sqlite3';\nexport const x = [fs, Database];\n"],
      ['electron/main/probe.ts', "import { app } from 'electron';\nimport { dispatch } from '../backend/dispatch.ts';\nexport const x = [app, dispatch];\n"],
      ['electron/preload/probe.ts', "import { contextBridge } from 'electron';\nimport { callNames } from '../../shared/contract/index.ts';\nexport const x = [contextBridge, callNames];\n"],
      ['shared/domain/probe.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    ];
    for (const [file, code] of cases) {
      expect(await lint(file, code), file).toEqual({ errors: [], warnings: 0 });
    }
  });
});
