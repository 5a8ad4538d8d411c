import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-openapi/**',
      'dist-console/**',
      'apps/console/generated/**',
      'node_modules/**',
      'data/**',
      '.bench/**',
      'coverage/**',
      'libs/api-client/src/openapi.types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The console runs in the browser: tsc (apps/console/tsconfig.json, DOM types) knows its globals.
    files: ['apps/console/**/*.{ts,tsx,mts}', 'test/browser/**/*.ts'],
    rules: { 'no-undef': 'off' },
  },
  {
    // The domain and the port stay free of frameworks and storage: only adapters import their client.
    files: ['libs/event-store/src/**/*.ts'],
    ignores: ['libs/event-store/src/eventstoredb/**', 'libs/event-store/src/nest/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['@eventstore/db-client', '@nestjs/common', '@nestjs/core'] }],
    },
  },
  {
    // A projection's tables are read through the typed functions of its own *.queries.ts, nowhere else.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      '**/*.projection.ts',
      '**/*.queries.ts',
      '**/*.store.ts',
      'apps/api/src/webhooks/webhook-store.ts',
      '**/*.spec.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message: "SQL against a projection's tables belongs in that projection's *.queries.ts.",
        },
      ],
    },
  },
  {
    // Tests and the demo read loosely typed JSON answers.
    files: ['**/*.spec.ts', 'test/**/*.ts', '**/testing/**/*.ts', 'apps/demo/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
