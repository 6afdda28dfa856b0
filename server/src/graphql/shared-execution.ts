import { createSourceEventStream, execute, Kind, type ExecutionArgs, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { Ctx, Viewer } from './context.js';
import { seesPersonalData, type AccessFacts } from '../modules/items/item-access.js';

/**
 * A live event is executed once per operation and kind of viewer, not once per subscriber (docs/live.md, "Figures
 * once per change"): subscribers who would see exactly the same answer — the same document and variables, and the
 * same access (municipality, roles or scopes, department, sectors; the person too for an executor) — share one
 * execution of the event. A subscriber who sees the applicant in full keeps an execution of their own, so that each
 * full view is written to the access log as theirs. Replayed events (after a reconnection) are each subscriber's
 * own objects and are executed for each.
 */
const SHARED_FIELDS = new Set(['itemEvents', 'alertRaised']);

/** The same access, for the access policy: everything `reaches`, `seesPersonalData` and the actions depend on. */
export function accessClassOf(v: Viewer | null): string | null {
  if (!v) return null;
  if (v.kind === 'token') return `token|${v.municipalityId}|${[...v.scopes].sort().join(',')}`;
  const executor = v.roles.some((r) => String(r) === 'EXECUTOR');
  return `user|${v.municipalityId}|${[...v.roles].sort().join(',')}|${v.departmentId}|${[...v.sectorIds].sort().join(',')}|${executor ? v.userId : ''}`;
}

const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

function rootField(args: ExecutionArgs): string | undefined {
  const ops = args.document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = args.operationName ? ops.find((o) => o.name?.value === args.operationName) : ops[0];
  const selections = op?.selectionSet.selections ?? [];
  return selections.length === 1 && selections[0]!.kind === Kind.FIELD ? selections[0]!.name.value : undefined;
}

/** graphql-ws's `subscribe`: graphql-js's, with each event's execution shared within an access class. */
export async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in (source as object))) return source as ExecutionResult;
  const ctx = args.contextValue as Ctx;
  const field = rootField(args);
  const cls = field && SHARED_FIELDS.has(field) ? accessClassOf(ctx.viewer) : null;
  const key = cls ? `${cls}|${args.document.loc?.source.body ?? ''}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}` : null;
  const events = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const run = (event: unknown) => execute({ ...args, rootValue: event }) as Promise<ExecutionResult>;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const r = await events.next();
      if (r.done) return { value: undefined, done: true };
      const event = r.value as object & Partial<AccessFacts>;
      const facts = event as AccessFacts;
      if (!key || ('kind' in event && seesPersonalData(ctx.viewer, facts))) return { value: await run(event), done: false };
      let byClass = results.get(event);
      if (!byClass) results.set(event, (byClass = new Map()));
      let result = byClass.get(key);
      if (!result) byClass.set(key, (result = run(event)));
      return { value: await result, done: false };
    },
    async return() {
      await events.return?.();
      return { value: undefined, done: true };
    },
    async throw(e?: unknown) {
      await events.return?.();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
