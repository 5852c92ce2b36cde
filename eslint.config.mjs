// ESLint flat config: typescript-eslint's type-aware recommended rules on all TypeScript sources.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// @apollo/subgraph's internals move between releases: the kit wraps the few it needs in one file.
const noApolloSubgraphDeepImports = {
  group: ['@apollo/subgraph/dist/*', '@apollo/subgraph/dist'],
  message: 'Deep import of @apollo/subgraph: use the generated resolver types, or GraphQLResolverMap from @bff/kit/subgraph.',
};

// A service's business rules take a repository interface and plain values: loading the AWS SDK, GraphQL,
// Apollo, DataLoader or the kit's runtime (which brings all of them, and jose) is a layer leaking in.
// Types from the kit's runtime entries (Caller, Connection) load nothing, so they may be imported as types.
const kitRuntimeEntry = (name) => ({
  name,
  allowTypeImports: true,
  message: 'A service takes the pure entries only: @bff/kit/errors (domain errors, codes) and @bff/kit/catalogue (types from here with `import type`).',
});
const serviceLayerImports = {
  paths: ['@bff/kit', '@bff/kit/core', '@bff/kit/subgraph', '@bff/kit/client', '@bff/kit/local', '@bff/kit/build'].map(kitRuntimeEntry),
  patterns: [
    noApolloSubgraphDeepImports,
    { group: ['@aws-sdk/*', '@aws-lambda-powertools/*', '@smithy/*'], message: 'A service is business rules: AWS belongs in the store (the repository implementation).' },
    { group: ['graphql', 'graphql/*', '@apollo/*', '@graphql-tools/*'], message: 'A service is business rules: GraphQL belongs in resolvers.ts.' },
    { group: ['dataloader'], message: 'A service is business rules: batching belongs in the repository or the resolvers.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/', '.build/', '.local/', '**/cdk.out/', 'coverage/', 'frontend/dist/', 'frontend/src/gql/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    ignores: ['frontend/**'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noApolloSubgraphDeepImports] }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Only an entry point reads the environment (a Lambda handler.ts, a CLI, infra, tools, tests): it parses it once with parseEnv and passes typed settings down.',
        },
      ],
    },
  },
  {
    // Entry points and tooling: where the environment is read (and parsed once).
    files: [
      'subgraphs/*/src/handler.ts',
      'gateway/src/handler.ts',
      'dev/**',
      'bench/src/bench.ts',
      'bench/src/children/*.ts',
      'infra/**',
      'tools/**',
      'packages/test-support/**',
      '**/test/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['subgraphs/*/src/service.ts', 'subgraphs/*/src/service/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', serviceLayerImports] },
  },
  {
    // The browser app has its own TypeScript settings (DOM, JSX).
    files: ['frontend/**/*.ts', 'frontend/**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './frontend/tsconfig.json', tsconfigRootDir: import.meta.dirname },
      globals: globals.browser,
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
