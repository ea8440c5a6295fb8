import nx from '@nx/eslint-plugin';
import importPlugin from 'eslint-plugin-import';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Libraries a deterministic workflow must never touch (I/O, clients, Node built-ins). */
const workflowBannedImports = ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@temporalio/client', '@temporalio/worker', ...nodeBuiltins];

const scopes = ['identification', 'referral', 'subsidy', 'reporting', 'case'];

const depConstraints = [
  // No service imports another service: each scope sees only itself and shared code.
  ...scopes.map((scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'] })),
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // End-to-end tests drive the built services as processes; they may use any shared library.
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:data', 'type:util', 'type:contract', 'type:testing'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util', 'type:contract', 'type:workflow'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util', 'type:contract'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util', 'type:contract'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:data', 'type:util', 'type:contract'] },
  {
    sourceTag: 'type:workflow',
    onlyDependOnLibsWithTags: ['type:util', 'type:contract'],
    bannedExternalImports: workflowBannedImports,
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contract'] },
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract'], bannedExternalImports: workflowBannedImports },
];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/.nx', 'deploy/k8s/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: true } },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
    },
  },
  {
    // Nest's DI reads constructor parameter types at run time: they must stay value imports.
    files: ['services/**/*.ts', 'libs/service-kit/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Deterministic code (workflow, its contracts, the calendar it may use) never imports Node built-ins.
    files: ['workflows/case/src/**/*.ts', 'libs/contracts/src/**/*.ts', 'libs/calendar/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'import/no-nodejs-modules': 'error' },
  },
  {
    // Tests drive workflows through the SDK's test kit; the ban protects workflow code, not its tests.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, depConstraints: depConstraints.map(({ bannedExternalImports: _b, ...c }) => ({ ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] })) },
      ],
      'import/no-nodejs-modules': 'off',
    },
  },
];
