// @ts-check
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Committed migrations are never edited; generated files are regenerated, not linted.
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'migrations/',
      'test/generated/',
      'src/console/page/generated.ts',
      'eslint.config.mjs',
      'jest.config.js',
      '.dependency-cruiser.cjs',
    ],
  },
  // The JavaScript and TypeScript rules, kept off the GraphQL files, which have a parser of their own.
  ...[
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: {
          // scripts/build.mjs runs before anything is compiled, so it is plain JavaScript outside the projects.
          projectService: { allowDefaultProject: ['scripts/*.mjs'] },
          tsconfigRootDir: import.meta.dirname,
        },
      },
      plugins: { 'simple-import-sort': simpleImportSort },
      rules: {
        'simple-import-sort/imports': 'error',
        'simple-import-sort/exports': 'error',
      },
    },
  ].map((config) => ({ ...config, ignores: [...(config.ignores ?? []), '**/*.graphql'] })),
  {
    // The emitted schema is the API's documentation: linted here (never formatted, see .prettierignore).
    files: ['schema/schema.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: `${import.meta.dirname}/schema/schema.graphql` } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      '@graphql-eslint/relay-connection-types': 'error',
      // Plain lists (a customer's identifiers, a tier's benefits) are bounded and stay lists; ids are per type,
      // with no Node interface.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false }],
      '@graphql-eslint/relay-page-info': 'error',
      // Forward pagination only (first/after): no connection takes last/before.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
    },
  },
  {
    // One-off inline queries in tests read untyped (Untyped) data and supertest bodies; shared operations are typed.
    files: ['test/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
