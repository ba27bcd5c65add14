// Lint rules for the whole workspace. Besides typescript-eslint's recommended set, this file enforces
// the layer direction inside every service and package:
//   domain → application → infrastructure → interface → main.ts
// A layer may import from the layers to its left only, and the domain imports no framework at all.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const layers = ['domain', 'application', 'infrastructure', 'interface'];
const roots = ['services/*/src', 'packages/*/src'];

// For each layer, the layers it must not import (every layer to its right, and main.ts).
const layerZones = roots.flatMap((root) =>
  layers.flatMap((layer, index) => [
    ...layers.slice(index + 1).map((outer) => ({
      target: `./${root}/${layer}/**/*`,
      from: `./${root}/${outer}/**/*`,
      message: `the ${layer} layer must not depend on the ${outer} layer (domain → application → infrastructure → interface → main)`,
    })),
    {
      target: `./${root}/${layer}/**/*`,
      from: `./${root}/main.ts`,
      message: 'only main.ts wires the layers; nothing imports it',
    },
  ]),
);

const frameworkPackages = [
  'express',
  'kafkajs',
  'pg',
  'typeorm',
  'joi',
  'jose',
  'prom-client',
  'pino',
  '@opentelemetry/*',
  '@mercado/messaging',
  '@mercado/service-kit',
  '@mercado/service-kit/*',
  '@mercado/postgres',
  'node:fs',
  'node:http',
  'node:net',
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/coverage/**', '**/node_modules/**', '.cache/**', '.tools/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // Resolve relative TypeScript imports so the layer rule sees what a file really imports.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The domain is pure TypeScript: no framework, no I/O.
    files: ['services/*/src/domain/**/*.ts', 'packages/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: frameworkPackages, message: 'the domain layer imports no framework or I/O module' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
