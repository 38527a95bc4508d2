// Lint keeps the architecture's shape (docs/architecture.md): which folder may import which, which npm packages
// each side may use, and no import cycles.
//
// Why these tools: a boundary must be judged on the file an import RESOLVES to, not on the text of the import
// (a pattern such as '**/electron/main/**' never matches '../../main/ipc'). eslint-plugin-boundaries classifies
// every file into an element by its folder and checks each resolved dependency (static import, `export … from`,
// dynamic `import()`) against one policy list, including npm packages and Node built-ins; it runs inside the
// lint we already have, so editors and `npm run lint` show the same errors. eslint-plugin-import-x's no-cycle
// adds the one thing boundaries cannot see: cycles inside a folder. Both resolve through
// eslint-import-resolver-typescript, i.e. exactly as tsc does. (dependency-cruiser would need a second tool
// and a second config; import/no-restricted-paths lists forbidden pairs, where we want "allowed, else refused".)
// The rule is boundaries/dependencies: in boundaries 7 it replaces element-types and external (both deprecated,
// and they print a warning on every run), covering project folders and npm packages in one default-deny list.
// Folder-level cycles (ledger ↔ sales) are upward imports, refused by the layer table even where no single
// file closes a loop.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

// The root tsconfig references the four projects (shared, node, electron, web): one resolver for all of them.
const tsProjects = ['tsconfig.json'];

// THE table of layers inside electron/core (lower layers never import higher ones). Each folder
// electron/core/<layer>/ may import the layers listed, its own files and shared/. Top-level files of
// electron/core (runtime.ts and the composition modules beside it) sit above every layer.
const coreLayers = {
  kernel: [],
  ipc: ['kernel'],
  db: ['kernel'],
  secrets: ['kernel'],
  journal: ['db', 'kernel'],
  settings: ['journal', 'db', 'kernel'],
  auth: ['settings', 'journal', 'db', 'ipc', 'kernel'],
  providers: ['secrets', 'kernel'],
  ledger: ['providers', 'db', 'kernel'],
  sales: ['ledger', 'providers', 'settings', 'auth', 'journal', 'ipc', 'kernel'],
  sync: ['sales', 'ledger', 'providers', 'settings', 'ipc', 'kernel'],
  receipts: ['settings', 'ledger', 'ipc', 'kernel'],
  app: ['settings', 'ledger', 'ipc', 'kernel'],
  updates: ['settings', 'ledger', 'ipc', 'kernel'],
  diagnostics: ['settings', 'ledger', 'providers', 'db', 'ipc', 'kernel'],
  kiosk: ['updates', 'ipc', 'kernel'],
};
const coreLayerType = (layer) => `core-${layer}`;
const allCoreTypes = ['core-composition', ...Object.keys(coreLayers).map(coreLayerType)];

const hosts = ['main', 'preload', 'browser-host', 'cli'];

const elements = [
  { type: 'shared', pattern: 'shared', partialMatch: false },
  ...Object.keys(coreLayers).map((layer) => ({ type: coreLayerType(layer), pattern: `electron/core/${layer}`, partialMatch: false })),
  // After the layers, so that only files outside every layer folder (runtime.ts, composition modules) match.
  { type: 'core-composition', pattern: 'electron/core', partialMatch: false },
  { type: 'sandbox', pattern: 'electron/sandbox', partialMatch: false },
  ...hosts.map((host) => ({ type: host, pattern: `electron/${host}`, partialMatch: false })),
  { type: 'renderer', pattern: 'renderer', partialMatch: false },
];

// Which project elements each element may import (besides its own files).
const allowedElements = {
  shared: [],
  ...Object.fromEntries(Object.entries(coreLayers).map(([layer, below]) => [coreLayerType(layer), [...below.map(coreLayerType), 'shared']])),
  'core-composition': [...allCoreTypes, 'shared'],
  sandbox: ['shared'],
  // Hosts compose the core and, in demo mode, the sandboxes it talks to. The preload runs in the renderer's
  // process: it only forwards the contract's channels, so it gets the contract (shared/) and nothing else.
  ...Object.fromEntries(hosts.map((host) => [host, host === 'preload' ? ['shared'] : [...allCoreTypes, 'sandbox', 'shared']])),
  renderer: ['shared'],
};

// Which npm packages each element may import. `nodeBuiltins` marks who may import Node's own modules: shared/
// and the renderer also run in the browser. better-sqlite3 stays inside the core (it owns the database).
const anyPackageBut = (excluded) => [`!(${excluded.join('|')})`];
const allowedPackages = {
  shared: { packages: ['zod', 'libphonenumber-js'], nodeBuiltins: false },
  ...Object.fromEntries(allCoreTypes.map((type) => [type, { packages: anyPackageBut(['electron', 'electron-updater']), nodeBuiltins: true }])),
  sandbox: { packages: anyPackageBut(['better-sqlite3', 'electron', 'electron-updater']), nodeBuiltins: true },
  ...Object.fromEntries(hosts.map((host) => [host, host === 'preload' ? { packages: ['electron'], nodeBuiltins: false } : { packages: anyPackageBut(['better-sqlite3']), nodeBuiltins: true }])),
  renderer: { packages: ['react', 'react-dom', 'zustand', 'i18next', 'react-i18next', 'recharts'], nodeBuiltins: false },
};

const dependencyPolicies = [
  ...Object.entries(allowedElements).filter(([, to]) => to.length > 0).map(([from, to]) => ({
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: to } } } },
  })),
  ...Object.entries(allowedPackages).flatMap(([from, { packages, nodeBuiltins }]) => [
    { from: { element: { type: from } }, allow: { to: { module: { origin: 'external', source: packages } } } },
    ...(nodeBuiltins ? [{ from: { element: { type: from } }, allow: { to: { module: { origin: 'core' } } } }] : []),
  ]),
];

const boundaryRules = {
  'boundaries/dependencies': ['error', {
    default: 'disallow',
    // Also judge npm packages and Node built-ins, and imports of project files outside every element (tests,
    // scripts). Imports inside one element (a layer's own files) are not judged.
    checkAllOrigins: true,
    checkUnknownLocals: true,
    message: '{{from.element.type}} may not import "{{dependency.source}}"{{#if to.element.type}} ({{to.element.type}}){{/if}}: see the layer table in eslint.config.mjs and docs/architecture.md.',
    policies: dependencyPolicies,
  }],
  // A project file that belongs to no element would escape every rule: each folder must be in the table.
  'boundaries/no-unknown-files': 'error',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/elements': elements,
      // Ambient declaration files (electron/env.d.ts) are imported by nobody and belong to no element.
      'boundaries/ignore': ['**/*.d.ts'],
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      // boundaries resolves through eslint-module-utils (this key), import-x through its own resolver-next.
      'import/resolver': { typescript: { project: tsProjects } },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: tsProjects })],
      // Without these, import-x parses only .js files and no-cycle silently follows no TypeScript import.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      ...boundaryRules,
      // no-cycle skips type-only imports (`import type`): they are erased at build time, so they cannot create
      // a load-order cycle. Between folders they are still refused by the layer policies above.
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' }] },
  },
);
