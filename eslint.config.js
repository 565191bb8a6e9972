import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The layering rule. Imports point only down this list:
 *   main, server -> services -> shared -> core;  preload -> shared;  renderer -> shared -> core.
 * core is plain TypeScript (no electron, React, DOM, node:*, lowdb); renderer never reaches
 * services or the shells. Tests (*.test.ts) may read fixtures from disk.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];
const layer = (name) => [`**/${name}/**`, `../${name}/**`, `../../${name}/**`, `../../../${name}/**`, `../${name}`, `../../${name}`];
const forbid = (message, ...groups) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups.flat(), message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: forbid(
      'core is plain TypeScript: no electron, React, DOM, node:* or lowdb, and no upper layer.',
      ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*', 'lowdb', 'lowdb/*', '@tiptap/*', 'zod'],
      nodeBuiltins,
      layer('shared'), layer('services'), layer('main'), layer('server'), layer('preload'), layer('renderer'),
    ),
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: forbid(
      'shared is the API contract: it may use core and zod only.',
      ['electron', 'electron/*', 'react', 'react/*', 'lowdb', 'lowdb/*', '@tiptap/*'],
      nodeBuiltins,
      layer('services'), layer('main'), layer('server'), layer('preload'), layer('renderer'),
    ),
  },
  {
    files: ['src/services/**/*.ts'],
    rules: forbid(
      'services implement the API on Node: no electron, React or shells above them.',
      ['electron', 'electron/*', 'react', 'react/*', '@tiptap/*'],
      layer('main'), layer('server'), layer('preload'), layer('renderer'),
    ),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: forbid('server is the browser-mode shell: no electron, no renderer, no Electron shell.', ['electron', 'electron/*', 'react', 'react/*'], layer('main'), layer('preload'), layer('renderer')),
  },
  {
    files: ['src/main/**/*.ts'],
    rules: forbid('main is the Electron shell: it must not import the other shells or the renderer.', ['react', 'react/*'], layer('server'), layer('preload'), layer('renderer')),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: forbid('preload exposes the API contract and nothing else.', ['react', 'react/*', 'lowdb', 'lowdb/*'], nodeBuiltins, layer('core'), layer('services'), layer('main'), layer('server'), layer('renderer')),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: forbid('renderer talks only to the API contract (shared) and plain core logic.', ['electron', 'electron/*', 'lowdb', 'lowdb/*'], nodeBuiltins, layer('services'), layer('main'), layer('server'), layer('preload')),
  },
);
