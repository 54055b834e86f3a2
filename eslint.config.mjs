// One linter for the repository (issue 15, "One set of habits"): `npm run lint`.
// Rules are the ones that find defects (eslint and typescript-eslint recommended, the rules of hooks);
// layout is prettier's business (.prettierrc), so no stylistic rule lives here.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/dist-h5/**', '**/coverage/**', 'data/**', '.tmp/**', 'server/src/db/migrations/**', 'admin/public/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // An unused name is a leftover; a leading underscore says "unused on purpose".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Values from JSON, drivers and test harnesses are `any` at the edges; the types are checked by tsc.
      '@typescript-eslint/no-explicit-any': 'off',
      // A ternary or && used for its effect is this code base's idiom (metrics collectors, event handlers).
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // An initial value overwritten before use is dead, not wrong; some stay for TypeScript's definite-assignment check.
      'no-useless-assignment': 'warn',
      // Refusing control characters is a house rule (bad input is a 400), so patterns name them on purpose.
      'no-control-regex': 'off',
      // Chinese labels use the ideographic space (U+3000) for layout; irregular whitespace in code still counts.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true }],
    },
  },
  {
    files: ['admin/**/*.{ts,tsx}', 'mini/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Taro's compile-time globals (definePageConfig, definePageConfig's app twin) in the mini's page configs.
    files: ['mini/**/*.{ts,tsx}'],
    languageOptions: { globals: { definePageConfig: 'readonly', defineAppConfig: 'readonly' } },
  },
  {
    // Tests send numbers beyond 2^53 on purpose: bad input is a 400, never a 500 (developers' guide).
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'mini/babel.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
