// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'content/',
      'bench/results/',
      'bench/out/',
      'tests/.output/',
      'tests/fixtures/**/output/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Types are erased by Node's type stripping only when imported as types.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Built-in modules are imported as `node:fs`, never as a bare `fs` that a package could shadow.
      'no-restricted-imports': [
        'error',
        { paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: `Import "node:${name}".` })) },
      ],
    },
  },
  {
    // Scripts that run in the browser (the site script, the search page, the service worker).
    files: ['src/client/**', 'src/components/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
  },
);
