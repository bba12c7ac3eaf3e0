// Lint is part of the build: every rule here is an error (docs/conventions.md).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Frameworks and transports the pure domain layer must never see: domain/ is plain TypeScript. */
const forbiddenInDomain = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  '@grpc/*',
  '@opentelemetry/*',
  '@medgrid/database',
  '@medgrid/messaging',
  '@medgrid/grpc',
  '@medgrid/contracts',
];

/** Which project may import which, by tag: services share contracts and libraries, never code. */
const depConstraints = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'] },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:kernel'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:kernel'],
  },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:kernel', 'type:testing'],
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:kernel', 'type:testing'],
  },
  // Workspace tooling (the service generator) imports no workspace library.
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:registry', onlyDependOnLibsWithTags: ['scope:registry', 'scope:shared'] },
  { sourceTag: 'scope:referral', onlyDependOnLibsWithTags: ['scope:referral', 'scope:shared'] },
  { sourceTag: 'scope:scheduling', onlyDependOnLibsWithTags: ['scope:scheduling', 'scope:shared'] },
  { sourceTag: 'scope:lab-sharing', onlyDependOnLibsWithTags: ['scope:lab-sharing', 'scope:shared'] },
  { sourceTag: 'scope:pharmacy', onlyDependOnLibsWithTags: ['scope:pharmacy', 'scope:shared'] },
  { sourceTag: 'scope:payment', onlyDependOnLibsWithTags: ['scope:payment', 'scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
  // The portal is a browser app: it talks to the gateway over HTTP and imports no workspace code.
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: [] },
];

/**
 * Where typed rules get their types. A project's own lint asks the project service, which makes a program per
 * project tsconfig; the whole-workspace lint (`npm run lint:workspace`, test.sh) uses one program for all the Node
 * code and the portal's own, so the shared libraries are typed once rather than once per project.
 */
const typeInformation =
  process.env.MEDGRID_LINT_WHOLE_WORKSPACE === '1'
    ? {
        project: ['./tsconfig.workspace.json', './apps/portal/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      }
    : { projectService: true, tsconfigRootDir: import.meta.dirname };

/**
 * A platform library's own tests may use the real PostgreSQL/Kafka harness
 * (libs/testing); its shipped code may not.
 */
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'type:platform'
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] }
    : constraint,
);

const moduleBoundaries = (constraints) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.cache/**',
      '.nx/**',
      'libs/contracts/src/generated/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: { parserOptions: typeInformation },
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(depConstraints),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest resolves constructor parameters by their runtime class, so a class
      // used only as a constructor parameter type must stay a value import.
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbiddenInDomain.map((group) => ({
            group: [group],
            message:
              'The domain layer is plain TypeScript: no framework, database, broker or transport imports.',
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(testDepConstraints),
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
