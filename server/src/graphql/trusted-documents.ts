import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { Kind, parse, print, visit, type ASTNode, type DocumentNode } from 'graphql';
import type { Ctx, Viewer } from './context.js';
import { AppError, ErrorCode } from './errors.js';

/**
 * Trusted documents (docs/security.md, "Trusted documents"). `pnpm codegen` writes the dashboard's operations to
 * web/src/gql/persisted-documents.json (the SHA-256 of each operation's normalised text → the text) and the web build
 * copies it beside the dashboard. The dashboard sends each operation's text with its hash in
 * `extensions.persistedQuery.sha256Hash`. With TRUSTED_DOCUMENTS=cookie a request authenticated by the session cookie
 * (over HTTP or WebSocket) may run only those documents; bearer tokens (integrators, the wall, people's own scripts)
 * and anonymous requests keep the whole schema, which the access policy guards as always.
 *
 * The text a dashboard sends is not byte for byte the manifest's: Apollo's cache adds `__typename` to every
 * selection, and codegen prints its manifest sorted and on one line. So a document is compared by its normal form:
 * parsed, `__typename` selections left out, lists whose order means nothing sorted (selections, except the fields of
 * a mutation, which run in their order; arguments, variables, directives, definitions), printed on one line. Two texts
 * with the same normal form run the same fields with the same arguments.
 */
export type TrustedDocumentsMode = 'off' | 'cookie';

export type TrustedDocuments = {
  mode: TrustedDocumentsMode;
  /** Where the manifest was read from (null: none was found, which only `off` allows) */
  manifest: string | null;
  /** hash → the manifest's text */
  texts: ReadonlyMap<string, string>;
  /** hash → the text's normal form */
  normal: ReadonlyMap<string, string>;
  /** The parser's token limit for the texts sent (graphql/limits.ts) */
  maxTokens: number;
  /** Texts already found to be the document of a hash (`hash sha256(text)`), so that a text is compared once */
  matched: Map<string, true>;
};

/** How many matched texts are remembered (the dashboard's documents as its Apollo prints them: about a hundred). */
const MATCHED_MAX = 1_000;

/** The manifest's file name, as codegen writes it and the web build copies it into the dashboard's build. */
export const MANIFEST_FILE = 'persisted-documents.json';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const byKey = <T extends ASTNode>(nodes: readonly T[] | undefined, key: (node: T) => string): T[] | undefined =>
  nodes && [...nodes].map((node) => ({ node, k: key(node) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.node);

/** The normal form of a document (see above). Throws graphql-js's syntax error for a text that does not parse. */
export function normalForm(text: string, maxTokens?: number): string {
  const document = parse(text, { noLocation: true, maxTokens });
  const normal = visit(document, {
    Field: {
      enter: (node) => (node.name.value === '__typename' && !node.alias && !node.arguments?.length && !node.directives?.length ? null : undefined),
      leave: (node) => ({ ...node, arguments: byKey(node.arguments, (a) => a.name.value), directives: byKey(node.directives, (d) => d.name.value) }),
    },
    SelectionSet: {
      // The fields at the root of a mutation keep their order: they run one after another.
      leave: (node, _key, parent) =>
        parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION && parent.operation === 'mutation'
          ? node
          : { ...node, selections: byKey(node.selections, (s) => print(s))! },
    },
    Directive: { leave: (node) => ({ ...node, arguments: byKey(node.arguments, (a) => a.name.value) }) },
    ObjectValue: { leave: (node) => ({ ...node, fields: byKey(node.fields, (f) => f.name.value)! }) },
    OperationDefinition: {
      leave: (node) => ({ ...node, variableDefinitions: byKey(node.variableDefinitions, (v) => v.variable.name.value), directives: byKey(node.directives, (d) => d.name.value) }),
    },
    FragmentSpread: { leave: (node) => ({ ...node, directives: byKey(node.directives, (d) => d.name.value) }) },
    InlineFragment: { leave: (node) => ({ ...node, directives: byKey(node.directives, (d) => d.name.value) }) },
    FragmentDefinition: { leave: (node) => ({ ...node, directives: byKey(node.directives, (d) => d.name.value) }) },
    Document: { leave: (node) => ({ ...node, definitions: byKey(node.definitions, (d) => print(d))! }) },
  }) as DocumentNode;
  return oneLine(print(normal));
}

/**
 * Reads the manifest: `manifest` when set, else `persisted-documents.json` in the dashboard's build. With `cookie`, a
 * manifest that was named but is missing, or a dashboard built without one, stops the start (every cookie session
 * would be refused); a server without a dashboard build (the API alone, for integrators) starts with no document a
 * cookie may run. With `off` the documents are only recognised when the manifest is there.
 */
export function loadTrustedDocuments(options: { mode: TrustedDocumentsMode; manifest: string | undefined; webDist: string; maxTokens: number }): TrustedDocuments {
  const path = options.manifest ?? join(options.webDist, MANIFEST_FILE);
  const found = existsSync(path);
  const dashboardBuilt = existsSync(join(options.webDist, 'index.html'));
  if (!found && options.mode === 'cookie' && (options.manifest !== undefined || dashboardBuilt)) {
    throw new Error(`TRUSTED_DOCUMENTS=cookie needs the dashboard's documents at ${path}: build the dashboard (pnpm build), set TRUSTED_DOCUMENTS_MANIFEST, or set TRUSTED_DOCUMENTS=off`);
  }
  const texts = new Map<string, string>();
  const normal = new Map<string, string>();
  if (found) {
    const entries = Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
    for (const [hash, text] of entries) {
      if (typeof text !== 'string' || sha256(text) !== hash) throw new Error(`${path}: the entry ${hash} is not the SHA-256 of its text; run pnpm codegen and build again`);
      texts.set(hash, text);
      normal.set(hash, normalForm(text));
    }
  }
  return { mode: options.mode, manifest: found ? path : null, texts, normal, maxTokens: options.maxTokens, matched: new Map() };
}

type PersistedQuery = { version?: unknown; sha256Hash?: unknown };

/** What a request asks to run: its text (absent when it sends only a hash) and its extensions. */
export type Submitted = { query?: string | null; extensions?: Record<string, unknown> | null };

/**
 * Admits a request's document, or refuses it before it is parsed for execution. `cookieSession`: the request is
 * authenticated by the session cookie (not a bearer token). Returns the text to run and the extensions to hand on.
 *
 * - A hash of the manifest is the dashboard's claim that this is its document: the text sent must have that
 *   document's normal form (else TRUSTED_DOCUMENT_MISMATCH, 400), or, sent without a text, the manifest's text runs.
 *   The claim is then taken out of the extensions: it names our document, and Apollo's automatic persisted queries
 *   would read it as the hash of the text as sent.
 * - A hash the manifest does not know is left to Apollo's automatic persisted queries when it is the SHA-256 of the
 *   text (or comes alone); one that is not (a dashboard newer than this server's manifest) is dropped and the text
 *   runs as any other.
 * - With `cookie`, a cookie session's document that is not the manifest's is refused: TRUSTED_DOCUMENT_REQUIRED, 403.
 */
export function admitDocument(trusted: TrustedDocuments, submitted: Submitted, cookieSession: boolean): { query: string | undefined; extensions: Record<string, unknown> | undefined } {
  const query = typeof submitted.query === 'string' && submitted.query !== '' ? submitted.query : undefined;
  // Malformed extensions pass as they came, for Apollo to refuse.
  const given = submitted.extensions ?? undefined;
  const { persistedQuery, ...others } = given && typeof given === 'object' && !Array.isArray(given) ? given : {};
  const claim = (persistedQuery as PersistedQuery | null | undefined)?.sha256Hash;
  const hash = typeof claim === 'string' ? claim : undefined;
  const rest = Object.keys(others).length ? others : undefined;
  let text = query;
  let extensions = given;
  let known = false;
  if (hash !== undefined && trusted.texts.has(hash)) {
    const seen = query !== undefined ? `${hash} ${sha256(query)}` : '';
    if (query !== undefined && !trusted.matched.has(seen)) {
      let normal: string | undefined;
      try {
        normal = normalForm(query, trusted.maxTokens);
      } catch {
        normal = undefined; // not a document at all, so not this one
      }
      if (normal !== trusted.normal.get(hash)) {
        throw new AppError(ErrorCode.TRUSTED_DOCUMENT_MISMATCH, "The document sent is not the dashboard's document its hash names", { http: { status: 400 } });
      }
      if (trusted.matched.size >= MATCHED_MAX) trusted.matched.clear();
      trusted.matched.set(seen, true);
    } else if (query === undefined) {
      text = trusted.texts.get(hash);
    }
    extensions = rest;
    known = true;
  } else if (hash !== undefined && query !== undefined && sha256(query) !== hash) {
    extensions = rest;
  }
  if (trusted.mode === 'cookie' && cookieSession && !known) {
    throw new AppError(ErrorCode.TRUSTED_DOCUMENT_REQUIRED, "A signed-in dashboard may run only the dashboard's own operations; integrators use an API token", {
      http: { status: 403 },
    });
  }
  return { query: text, extensions };
}

/** A signed-in viewer whose request came without a bearer token: the context resolved it from the session cookie. */
const cookieSession = (viewer: Viewer | null, authorization: string | undefined) => !!viewer && !/^Bearer\s+\S+$/i.test(authorization ?? '');

/** The document of a request to /graphql: a POST's JSON body, or a GET's `query` and `extensions` parameters. */
function submittedBy(req: Request): Submitted {
  if (req.method !== 'GET') {
    const body = req.body as Submitted | undefined;
    return body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  }
  const { query, extensions } = req.query as Record<string, unknown>;
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = typeof extensions === 'string' ? (JSON.parse(extensions) as Record<string, unknown>) : undefined;
  } catch {
    parsed = undefined; // Apollo answers a malformed parameter itself
  }
  return { query: typeof query === 'string' ? query : undefined, extensions: parsed && typeof parsed === 'object' ? parsed : undefined };
}

/**
 * Refuses a request's document over HTTP, in the context function, where the viewer is known: an error thrown there
 * is Apollo's way to answer a request with a status of our choice before anything of it is parsed.
 */
export function checkTrustedDocument(trusted: TrustedDocuments, req: Request, viewer: Viewer | null): void {
  admitDocument(trusted, submittedBy(req), cookieSession(viewer, req.headers.authorization));
}

/**
 * Hands Apollo the admitted request as it starts, before its persisted queries read the hash: the manifest's text for
 * a hash sent alone, and the extensions without a hash that names our document. The context has refused what is
 * refused; what would be refused here again is left as it came.
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart({ request, contextValue }) {
      try {
        const admitted = admitDocument(trusted, request, cookieSession(contextValue.viewer, request.http?.headers.get('authorization')));
        request.query = admitted.query;
        request.extensions = admitted.extensions;
      } catch {
        // refused in the context already (graphql/trusted-documents.ts, checkTrustedDocument)
      }
    },
  };
}
