import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the dashboard: every `graphql(...)` call under web/src is checked against the committed
 * server schema, and web/src/gql/ is regenerated from them (`pnpm codegen`). Never edit web/src/gql/ by hand.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/**/*.{ts,vue,graphql}', '!web/src/gql/**/*', '!web/src/**/*.spec.ts'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
