import { ApolloArmor } from '@escape.tech/graphql-armor';
import { perDocumentAndKey } from './per-document.js';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from './errors.js';

/**
 * What one operation may ask for (docs/security.md, "Limits"). Every refusal is QUERY_TOO_COMPLEX with `limit`
 * (which one), `max` and, where known, `found`, before anything runs: a query that would read a million rows is
 * refused in milliseconds, not after it has held the pool for a minute.
 */
export type Limits = {
  /** Selection levels (fragments inlined) */
  maxDepth: number;
  /** Aliased fields in one operation */
  maxAliases: number;
  /** Directives in one operation */
  maxDirectives: number;
  /** Lexical tokens in the document (a parse-time bound on its size) */
  maxTokens: number;
  /** The operation's estimated cost: each field 1, a list field's selection times its `first` (or the default) */
  maxCost: number;
  /** The size assumed for a list with no `first` argument */
  defaultListSize: number;
};

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 3_000,
  maxCost: 30_000,
  defaultListSize: 10,
};

const LIMIT_WORDS: Record<string, string> = { aliases: 'aliases', depth: 'levels of nesting', directives: 'directives' };

function tooComplex(limit: string, max: number, found?: number): AppError {
  const what = LIMIT_WORDS[limit] ?? limit;
  return new AppError(
    ErrorCode.QUERY_TOO_COMPLEX,
    `The query asks for too much: at most ${max} ${what}${found !== undefined ? `, found ${found}` : ''}`,
    { limit, max, ...(found !== undefined ? { found } : {}) },
  );
}

/** graphql-armor's rules for aliases, depth and directives, each refusal reported with our code. */
export function armorRules(limits: Limits): ValidationRule[] {
  const report = (limit: string, max: number) => (ctx: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1]);
    ctx?.reportError(tooComplex(limit, max, Number.isFinite(found) ? found : undefined));
  };
  const armor = new ApolloArmor({
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [report('aliases', limits.maxAliases)] },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [report('depth', limits.maxDepth)] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [report('directives', limits.maxDirectives)] },
  });
  return armor.protect().validationRules;
}

/** A list field costs its selection times the page it asks for (`first`, `last`) or the default list size. */
function listSizeEstimator(defaultListSize: number): ComplexityEstimator {
  return ({ type: parent, field, args, childComplexity }) => {
    // A connection's `nodes`/`edges` are the page its own field sized: not a list of the default size again.
    if (parent.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges')) return 1 + childComplexity;
    const type = getNullableType(field.type);
    const named = getNamedType(field.type);
    const page = [args.first, args.last, args.limit].find((v): v is number => typeof v === 'number');
    // A connection (…Connection with nodes/edges) is a list too: its `first` sizes what it holds.
    const connection = isObjectType(named) && named.name.endsWith('Connection');
    if (isListType(type) || connection) return 1 + childComplexity * Math.max(1, page ?? defaultListSize);
    return undefined;
  };
}

/** The estimated cost of an operation (with its variables). */
export function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, limits: Limits, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [listSizeEstimator(limits.defaultListSize), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Refuses an operation whose cost is above the limit; errors in the variables are left to validation. */
/**
 * The cost of a document with its operation name and variables, remembered per document (graphql/per-document.ts)
 * for one schema and limits; null where it cannot be estimated (a malformed variable, an unknown operation).
 */
const costs = new WeakMap<GraphQLSchema, WeakMap<Limits, (document: DocumentNode, key: string) => number | null>>();
function rememberedCost(schema: GraphQLSchema, limits: Limits): (document: DocumentNode, key: string) => number | null {
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let cost = bySchema.get(limits);
  if (!cost) {
    cost = perDocumentAndKey((document, key) => {
      const { operationName, variables } = JSON.parse(key) as { operationName?: string; variables?: Record<string, unknown> };
      try {
        return costOf(schema, document, variables, limits, operationName);
      } catch {
        return null;
      }
    });
    bySchema.set(limits, cost);
  }
  return cost;
}

export function checkCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, limits: Limits, operationName?: string): void {
  const cost = rememberedCost(schema, limits)(document, JSON.stringify({ operationName, variables }));
  // A malformed variable or an unknown operation: execution refuses it with its own coded error.
  if (cost === null) return;
  if (cost > limits.maxCost) {
    // Refused before execution, so Apollo would answer 500 without a status of our own: the caller asked for too much.
    throw new AppError(ErrorCode.QUERY_TOO_COMPLEX, `The query asks for too much: its cost is ${cost}, at most ${limits.maxCost}`, {
      limit: 'cost',
      max: limits.maxCost,
      found: cost,
      http: { status: 400 },
    });
  }
}

/** The cost check for Apollo Server, once the operation and its variables are known. */
export function costPlugin(limits: Limits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          checkCost(schema, document, request.variables, limits, operationName ?? undefined);
        },
      };
    },
  };
}
