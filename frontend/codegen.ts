/**
 * graphql-codegen config: types the operations in src/operations/ against the
 * gateway's client schema and writes them to src/gql/ (checked in, never edited by hand).
 *
 * Regenerate after changing an operation or the schema:
 *   npm run codegen -w frontend
 *
 * Paths are relative to frontend/, where the codegen script runs.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

export const config: CodegenConfig = {
  schema: '../gateway/schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      // Documents as plain strings (TypedDocumentString): the client posts them as they are, no graphql runtime needed.
      config: { documentMode: 'string', enumsAsTypes: true, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
