// Lint keeps the architecture's shape (DESIGN.md): shared/ imports neither side nor Node, core never imports
// electron, the renderer never imports Node or the main side.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export const boundaryRules = {
  shared: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'shared/ is imported by both sides and must not import electron.' }, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node built-ins.' }))],
      patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'shared/ imports neither side.' }],
    }],
  },
  core: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'electron/core runs in plain Node: put Electron-only work behind an interface in core and implement it in electron/main.' }],
      patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'core imports no host.' }],
    }],
  },
  renderer: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'The renderer talks to main only through the contract client.' }, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' }))],
      patterns: [{ group: ['**/electron/**'], message: 'The renderer imports only shared/ and itself.' }],
    }],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'artifacts/**', 'test/fixtures/lint/**'] },
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
  { files: ['shared/**/*.ts'], rules: boundaryRules.shared },
  { files: ['electron/core/**/*.ts'], rules: boundaryRules.core },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...boundaryRules.renderer, 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' }] },
  },
);
