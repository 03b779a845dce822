import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'url', 'util', 'stream', 'zlib'];

/**
 * The layering rule of DESIGN.md, as lint errors: shared imports nothing of ours; the backend never
 * imports electron; the renderer imports only shared (never electron, better-sqlite3 or node:).
 */
const layers = [
  {
    files: ['shared/**/*.{ts,tsx}'],
    message: 'shared/ is pure TypeScript: no electron, no node:, no DOM libraries, nothing from electron/ or renderer/.',
    paths: ['electron', 'better-sqlite3', 'react', 'react-dom', ...nodeBuiltins],
    patterns: ['**/electron/**', '**/renderer/**', 'node:*'],
  },
  {
    files: ['electron/backend/**/*.ts'],
    message: 'electron/backend is plain Node: it never imports electron, main, preload or renderer.',
    paths: ['electron', 'electron-store'],
    patterns: ['**/main/**', '**/preload/**', '**/renderer/**'],
  },
  {
    files: ['electron/main/**/*.ts'],
    message: 'electron/main imports shared and backend, never the renderer or preload.',
    paths: [],
    patterns: ['**/renderer/**', '**/preload/**'],
  },
  {
    files: ['electron/preload/**/*.ts'],
    message: 'electron/preload imports only electron and shared.',
    paths: ['better-sqlite3', 'electron-store', ...nodeBuiltins],
    patterns: ['**/renderer/**', '**/backend/**', '**/main/**', 'node:*'],
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    message: 'renderer/ imports only shared/ (and browser libraries): never electron, better-sqlite3 or node:.',
    paths: ['electron', 'better-sqlite3', 'electron-store', ...nodeBuiltins],
    patterns: ['**/electron/**', 'node:*'],
  },
];

/** A module-name regex for esquery selectors (which allow no literal '/' inside a regex). */
function moduleRegex(layer) {
  const escape = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const glob = (pattern) =>
    escape(pattern)
      .replace(/\*\*\//g, '(^|.+/)')
      .replace(/\/\*\*/g, '/')
      .replace(/\*/g, '[^/]*');
  const names = layer.paths.filter((name) => !name.includes('*')).map((name) => `^${escape(name)}$`);
  const patterns = layer.patterns.map((pattern) => (pattern.startsWith('**') ? glob(pattern) : `^${glob(pattern)}`));
  return [...names, ...patterns].join('|').replace(/\//g, '\\x2F');
}

/** The same layering for `import('x')` and `require('x')`, which no-restricted-imports does not see. */
function dynamicImportRule(layer) {
  const regex = moduleRegex(layer);
  return [
    'error',
    { selector: `ImportExpression[source.value=/${regex}/]`, message: layer.message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=/${regex}/]`, message: layer.message },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench-data/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error (an unhandled rejection in the main
    // process, a silent failure in the UI); an import cycle breaks module start-up order.
    files: ['{electron,shared,renderer,test,scripts}/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver()],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...layers.map((layer) => ({
    files: layer.files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: layer.paths.map((name) => ({ name, message: layer.message })),
          patterns: layer.patterns.map((group) => ({ group: [group], message: layer.message })),
        },
      ],
      'no-restricted-syntax': dynamicImportRule(layer),
    },
  })),
);
