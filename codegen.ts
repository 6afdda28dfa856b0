import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the dashboard (and for the integrators' example client, below): every `graphql(...)` call under web/src is checked against the committed
 * server schema, and web/src/gql/ is regenerated from them (`pnpm codegen`). Never edit web/src/gql/ by hand.
 *
 * The same run writes the dashboard's trusted documents (docs/security.md, "Trusted documents"):
 * web/src/gql/persisted-documents.json maps the SHA-256 (hex, as in `extensions.persistedQuery.sha256Hash`) of each
 * operation's normalised text to that text, and each generated document carries its hash in `__meta__.hash`. The
 * dashboard sends its text with the hash (web/src/app/apollo/trusted-documents.ts); the web build copies the file
 * beside the dashboard, where the server reads it; with TRUSTED_DOCUMENTS=cookie a session cookie may run only these.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      documents: ['web/src/**/*.{ts,vue,graphql}', '!web/src/gql/**/*', '!web/src/**/*.spec.ts'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: (text: string) => createHash('sha256').update(text).digest('hex') },
      },
      config: {
        scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        dedupeFragments: true,
      },
    },
    // The integrators' example client (docs/integrators.md, "A typed client"): the same schema, its own documents.
    'examples/integrator-client/src/gql/': {
      documents: ['examples/integrator-client/src/**/*.ts', '!examples/integrator-client/src/gql/**/*'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Imports with their `.js` extension, as Node's ES modules need them.
        emitLegacyCommonJSImports: false,
        scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
