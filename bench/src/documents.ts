import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';

/**
 * The dashboard's own documents, sent as the dashboard sends them (web/src/app/apollo/client.ts): the text Apollo
 * Client prints — codegen's document with a `__typename` added to every selection set below the operation's root
 * (Apollo's addTypenameToDocument) — and the document's hash from the trusted-documents manifest in
 * `extensions.persistedQuery.sha256Hash`. Read from the checkout the server was built from, so that the hashes are
 * the ones its manifest knows.
 */
export type DashboardDocument = { name: string; hash: string; text: string };

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** Apollo Client's addTypenameToDocument, the same rule: every selection set but the operation's own, unless present. */
function addTypename(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    SelectionSet: {
      enter(node: SelectionSetNode, _key, parent) {
        if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))) return undefined;
        return { ...node, selections: [...node.selections, TYPENAME] };
      },
    },
  });
}

/** codegen's TypedDocumentNode of an operation, as `web/src/gql/graphql.ts` exports it (one line of JSON). */
function fromGenerated(source: string, name: string): { hash: string; doc: DocumentNode } | null {
  const start = source.indexOf(`export const ${name}Document = `);
  if (start < 0) return null;
  const json = source.slice(start + `export const ${name}Document = `.length, source.indexOf(' as unknown as DocumentNode', start));
  const node = JSON.parse(json) as DocumentNode & { __meta__?: { hash?: string } };
  const hash = node.__meta__?.hash;
  if (!hash) return null;
  const { __meta__: _meta, ...doc } = node;
  return { hash, doc: doc as DocumentNode };
}

export function loadDocuments(checkout: string, names: readonly string[]): { manifest: string; documents: Map<string, DashboardDocument> } {
  const manifest = join(checkout, 'web/src/gql/persisted-documents.json');
  if (!existsSync(manifest)) throw new Error(`no trusted-documents manifest at ${manifest} (run pnpm codegen in that checkout)`);
  const texts = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>;
  const generatedFile = join(checkout, 'web/src/gql/graphql.ts');
  const generated = existsSync(generatedFile) ? readFileSync(generatedFile, 'utf8') : '';
  const documents = new Map<string, DashboardDocument>();
  for (const name of names) {
    let found = fromGenerated(generated, name);
    if (!found) {
      // Without codegen's output, the manifest's own text (sorted fields, the same document for the server).
      const entry = Object.entries(texts).find(([, text]) => new RegExp(`\\b(query|mutation) ${name}\\b[ ({]`).test(text));
      if (entry) found = { hash: entry[0], doc: parse(entry[1]) };
    }
    if (!found) throw new Error(`the dashboard has no operation ${name} (${generatedFile}, ${manifest})`);
    if (!texts[found.hash]) throw new Error(`${name}: its hash ${found.hash} is not in ${manifest}; run pnpm codegen there`);
    if (createHash('sha256').update(texts[found.hash]!).digest('hex') !== found.hash) throw new Error(`${manifest}: ${name}'s entry does not match its hash`);
    documents.set(name, { name, hash: found.hash, text: print(addTypename(found.doc)) });
  }
  return { manifest, documents };
}

/** The JSON body of Apollo's HttpLink: operationName, variables, extensions (includeExtensions), query. */
export function dashboardBody(doc: DashboardDocument, variables: Record<string, unknown>): string {
  return JSON.stringify({ operationName: doc.name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: doc.hash } }, query: doc.text });
}

/** The same request for a server that knows no trusted documents: Apollo's own persisted queries would take the
 * manifest's hash for the SHA-256 of the text and refuse it ("provided sha does not match query"). */
export function plainBody(doc: DashboardDocument, variables: Record<string, unknown>): string {
  return JSON.stringify({ operationName: doc.name, variables, query: doc.text });
}

/** The headers Apollo's HttpLink sends (with the session cookie the browser adds). */
export function dashboardHeaders(cookie: string | null): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json,application/json;q=0.9',
    ...(cookie ? { cookie } : {}),
  };
}
