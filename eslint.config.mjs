// One lint configuration for the whole tree (`npx eslint .`, run by `npm test`).
// Besides typescript-eslint and angular-eslint it holds the project's own gates:
//  - dependency direction between projects (Nx tags in each project.json);
//  - no ambient side effects in the engine core (STYLE.md: clock, ids and randomness come in `env`);
//  - a server module reaches another one only through its `*.api.ts`;
//  - engine state is read through the engine's queries, never as `InstanceState` outside libs/engine;
//  - the client's API layer (`*-api.service.ts`, `*.api.ts`) is the only place holding an `/api/` URL.
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// @nx/enforce-module-boundaries reads Nx's cached project graph and silently skips itself when there
// is none (a clean clone) or checks stale tags; bring the graph up to date first (incremental, ~1 s).
await createProjectGraphAsync({ exitOnError: true });

// ---- the project's own gates, as option lists that each scope below combines ----------------

// no-restricted-imports and no-restricted-syntax take one option list per file: a later config
// block replaces an earlier one, so every scope states the whole list it needs.
const restrictedImports = (...parts) => [
  'error',
  { paths: parts.flatMap((p) => p.paths ?? []), patterns: parts.flatMap((p) => p.patterns ?? []) },
];
const restrictedSyntax = (...parts) => ['error', ...parts.flat()];

const ENGINE_STATE_MESSAGE =
  'Engine state is read through the queries libs/engine exports (see its index.ts), not by its fields (issue #14, item 1).';
const engineStateImports = {
  paths: [{ name: '@liuzhuan/engine', importNames: ['InstanceState', 'ElementInstance'], message: ENGINE_STATE_MESSAGE }],
};
const engineStateSyntax = ['TSAsExpression', 'TSTypeAssertion'].map((node) => ({
  selector: `${node} > TSTypeReference.typeAnnotation > Identifier.typeName[name='InstanceState']`,
  message: ENGINE_STATE_MESSAGE,
}));

// A module's public surface is its `<module>.api.ts`; everything else in its folder is inner.
// `depth` is how many folders the importing file sits below server/src/modules/<module>/.
const moduleInnerImports = (depth) => {
  const up = '\\.\\./'.repeat(depth + 1);
  return {
    patterns: [
      {
        regex: `^${up}[^./][^/]*/(?!.*\\.api$)`,
        message: "Import another server module through its `*.api.ts` (STYLE.md: modules talk through each other's exported services).",
      },
    ],
  };
};

const clientEngineImports = {
  paths: [{ name: '@liuzhuan/engine', message: 'The client depends on the engine model only: import from @liuzhuan/engine/model.' }],
  patterns: [
    {
      regex: '^@liuzhuan/engine/(?!model$)',
      message: 'The client depends on the engine model only: import from @liuzhuan/engine/model.',
    },
  ],
};
// an import path through a folder named api (core/api/contract-api.service) is no URL
const apiLiteralSyntax = ['Literal[value=/\\/api\\//]:not(ImportDeclaration > Literal)', 'TemplateElement[value.raw=/\\/api\\//]'].map(
  (selector) => ({
    selector,
    message: 'API URLs live in the API layer only (`*-api.service.ts`, `*.api.ts`); call it instead (issue #14, item 5).',
  }),
);

// STYLE.md: no Date.now(), Math.random(), timers or logging in libs/engine; no I/O either
// (ARCHITECTURE.md). The clock, ids and the expression evaluator arrive in `env`.
const ENGINE_PURE = 'The engine core is pure: clock, ids and evaluators arrive in `env`; no timers, logging or I/O (STYLE.md).';
const engineGlobals = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'console',
  'process',
  'performance',
  'crypto',
].map((name) => ({ name, message: ENGINE_PURE }));
const engineProperties = [
  { object: 'Date', property: 'now', message: ENGINE_PURE },
  { object: 'Math', property: 'random', message: ENGINE_PURE },
  ...['setTimeout', 'setInterval', 'setImmediate', 'console', 'process', 'performance', 'crypto'].map((property) => ({
    object: 'globalThis',
    property,
    message: ENGINE_PURE,
  })),
];
const engineSyntax = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `new Date() reads the clock. ${ENGINE_PURE}` },
  { selector: "CallExpression[callee.name='Date']", message: `Date() reads the clock. ${ENGINE_PURE}` },
];
const NODE_IO = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'cluster',
  'dgram',
  'dns',
  'tls',
  'os',
  'readline',
  'process',
];
const engineImports = {
  paths: NODE_IO.map((name) => ({ name, message: ENGINE_PURE })),
  patterns: [{ group: ['node:*'], message: ENGINE_PURE }],
};

// ---- the configuration -----------------------------------------------------------------------

export default defineConfig(
  {
    ignores: ['dist/', 'coverage/', 'data/', 'tmp/', '.nx/', '**/.angular/', '**/node_modules/'],
  },
  ...nx.configs['flat/base'],

  // every source file
  {
    files: [...TS, ...JS],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'smart'],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'scope:engine',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'mysql2', 'better-sqlite3', '@angular/*', 'rxjs'],
            },
            {
              sourceTag: 'scope:contracts',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', '@angular/*'],
            },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: ['scope:engine', 'scope:contracts'],
              bannedExternalImports: ['@angular/*'],
            },
            {
              sourceTag: 'scope:client',
              onlyDependOnLibsWithTags: ['scope:contracts', 'scope:engine'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'mysql2', 'better-sqlite3'],
            },
          ],
        },
      ],
    },
  },
  // scripts and configuration files run on Node
  {
    files: JS,
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.cjs', '**/*.cts', 'server/webpack.config.js'], languageOptions: { sourceType: 'commonjs' } },
  // the browser tests drive Chromium: page.evaluate() callbacks run in the browser
  { files: ['client/e2e/**', 'bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },

  // ---- the Angular client
  {
    files: ['client/src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'app', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'app', style: 'camelCase' }],
    },
  },
  {
    files: ['client/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {
      // ng-zorro's radios and checkboxes are `<label nz-radio>` elements rendering their own input, which the rule cannot see
      '@angular-eslint/template/label-has-associated-control': 'off',
    },
  },

  // tests read untyped JSON bodies and reach into fixtures; `any` there is the honest type
  {
    files: ['**/*.spec.ts', 'server/test/**', '**/*.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // ---- the project's gates (see the top of this file)
  {
    files: TS,
    ignores: ['libs/engine/**'],
    rules: {
      'no-restricted-imports': restrictedImports(engineStateImports),
      'no-restricted-syntax': restrictedSyntax(engineStateSyntax),
    },
  },
  {
    files: ['server/src/modules/*/*.ts'],
    rules: { 'no-restricted-imports': restrictedImports(engineStateImports, moduleInnerImports(0)) },
  },
  {
    files: ['server/src/modules/*/*/*.ts'],
    rules: { 'no-restricted-imports': restrictedImports(engineStateImports, moduleInnerImports(1)) },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: { 'no-restricted-imports': restrictedImports(engineStateImports, clientEngineImports) },
  },
  {
    files: ['client/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*-api.service.ts', '**/*.api.ts'],
    rules: { 'no-restricted-syntax': restrictedSyntax(engineStateSyntax, apiLiteralSyntax) },
  },
  {
    files: ['libs/engine/src/**/*.ts'],
    // the engine's own specs may time a hostile expression; the purity rules are for the core itself
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-globals': ['error', ...engineGlobals],
      'no-restricted-properties': ['error', ...engineProperties],
      'no-restricted-syntax': restrictedSyntax(engineSyntax),
      'no-restricted-imports': restrictedImports(engineImports),
    },
  },

  // formatting is Prettier's (`prettier --check .`); last, so it turns off the stylistic rules above
  prettier,
);
