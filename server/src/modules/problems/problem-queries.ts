import type { Ctx } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { readableMunicipalityId } from '../../shared/tenancy.js';
import { reachWhere } from '../items/item-access.js';
import { Item } from '../items/item.entity.js';
import { MAX_PAGE } from '../items/item-queries.js';
import { Category } from '../organisation/category.entity.js';
import { Department } from '../organisation/department.entity.js';
import { Sector } from '../organisation/sector.entity.js';
import { Settlement } from '../organisation/settlement.entity.js';
import { readSql, readsAll } from './problem-access.js';
import { ACTIVE_PROBLEM_STATUSES, type ProblemStatus } from './problem.enums.js';
import { Problem } from './problem.entity.js';
import { problemLoaders } from './problem.loaders.js';
import { prettyStreet, proposalRows, Sql, STATS_LATERAL, type ProposalRow } from './problem.sql.js';
import type { ProblemProposal } from './problem.types.js';

/** Reading problems: one problem, the ranked list (keyset pages), and the proposals. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The problems among `ids` that the viewer reads (tenancy by the ORM filter, the rest by the problem policy). */
export async function visibleProblems(ctx: Ctx, ids: string[]): Promise<Problem[]> {
  const wellFormed = ids.filter((id) => UUID.test(id));
  if (!wellFormed.length || !ctx.viewer) return [];
  const problems = await ctx.em.find(Problem, { id: { $in: wellFormed } });
  if (!problems.length || readsAll(ctx.viewer)) return problems;
  const q = new Sql();
  const rows = await q.rows<{ id: string }>(
    ctx.em,
    `select p.id from problem p where p.id in (${q.list(problems.map((p) => p.id))}) and ${readSql(ctx.viewer, 'p', q)}`,
  );
  const ok = new Set(rows.map((r) => r.id));
  return problems.filter((p) => ok.has(p.id));
}

/** One problem the viewer reads; NOT_FOUND for one it does not, as for one that does not exist. */
export async function getProblem(ctx: Ctx, id: string): Promise<Problem> {
  const [problem] = await visibleProblems(ctx, [id]);
  if (!problem) throw notFound('Problem', id);
  return problem;
}

// ---------------------------------------------------------------------------------------------------------------
// The ranked list

export type ProblemsArgs = {
  first: number;
  after?: string | null;
  status?: ProblemStatus[] | null;
  sectorCode?: string | null;
  departmentId?: string | null;
  settlementId?: string | null;
};

type Cursor = { o: number; r: number; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString()) as Cursor;
    if (typeof c.o !== 'number' || typeof c.r !== 'number' || typeof c.id !== 'string' || !UUID.test(c.id)) throw new Error();
    return c;
  } catch {
    throw badInput([{ field: 'after', problems: ['not a cursor of this list'] }]);
  }
}

/**
 * The problems the viewer reads, most linked items waiting for an answer first, then most residents touched
 * (docs/problems.md, "The list"). Without `status`: the problems on the list (PROPOSED, CONFIRMED, IN_WORK).
 */
export async function listProblems(
  ctx: Ctx,
  args: ProblemsArgs,
): Promise<{ nodes: Problem[]; totalCount: number; endCursor: string | null; hasNextPage: boolean; cursors: string[] }> {
  if (args.first < 1 || args.first > MAX_PAGE) throw badInput([{ field: 'first', problems: [`1 to ${MAX_PAGE}`] }]);
  const em = ctx.em;
  const municipalityId = readableMunicipalityId(ctx);
  const inMunicipality = municipalityId ? { municipality: municipalityId } : {};
  const q = new Sql();
  const where: string[] = [readSql(ctx.viewer, 'p', q)];
  if (municipalityId) where.push(`p.municipality_id = ${q.bind(municipalityId)}`);
  where.push(`p.status in (${q.list(args.status?.length ? args.status : ACTIVE_PROBLEM_STATUSES)})`);
  if (args.sectorCode) {
    const sectors = await em.find(Sector, { ...inMunicipality, code: args.sectorCode });
    if (!sectors.length) throw badInput([{ field: 'sectorCode', problems: ['unknown sector'] }]);
    where.push(`p.sector_id in (${q.list(sectors.map((s) => s.id))})`);
  }
  if (args.departmentId) {
    const d = UUID.test(args.departmentId) ? await em.findOne(Department, { ...inMunicipality, id: args.departmentId }) : null;
    if (!d) throw badInput([{ field: 'departmentId', problems: ['unknown department'] }]);
    where.push(`p.department_id = ${q.bind(d.id)}`);
  }
  if (args.settlementId) {
    const s = UUID.test(args.settlementId) ? await em.findOne(Settlement, { ...inMunicipality, id: args.settlementId }) : null;
    if (!s) throw badInput([{ field: 'settlementId', problems: ['unknown settlement'] }]);
    where.push(`p.settlement_id = ${q.bind(s.id)}`);
  }
  const cond = where.join(' and ');
  const countSql = `select count(*)::int as n from problem p where ${cond}`;
  const cursor = args.after ? decodeCursor(args.after) : null;
  const after = cursor
    ? `where t.open_items < ${q.bind(cursor.o)} or (t.open_items = ${q.bind(cursor.o)} and (t.residents < ${q.bind(cursor.r)}
         or (t.residents = ${q.bind(cursor.r)} and t.id > ${q.bind(cursor.id)})))`
    : '';
  const pageSql = `select * from (
      select p.id, coalesce(s.items, 0) as items, coalesce(s.open_items, 0) as open_items, coalesce(s.residents, 0) as residents
      from problem p ${STATS_LATERAL} where ${cond}) t
    ${after}
    order by t.open_items desc, t.residents desc, t.id asc
    limit ${q.bind(args.first + 1)}`;
  const [rows, [count]] = await Promise.all([
    q.rows<{ id: string; items: number; open_items: number; residents: number }>(em, pageSql),
    q.rows<{ n: number }>(em, countSql),
  ]);
  const page = rows.slice(0, args.first);
  const entities = page.length ? await em.find(Problem, { id: { $in: page.map((r) => r.id) } }) : [];
  const byId = new Map(entities.map((p) => [p.id, p]));
  const loaders = problemLoaders(ctx);
  for (const r of page) loaders.stats.prime(r.id, { items: r.items, openItems: r.open_items, residents: r.residents });
  const cursors = page.map((r) => encodeCursor({ o: r.open_items, r: r.residents, id: r.id }));
  return {
    nodes: page.map((r) => byId.get(r.id)).filter((p): p is Problem => !!p),
    totalCount: count?.n ?? 0,
    endCursor: cursors.at(-1) ?? null,
    hasNextPage: rows.length > args.first,
    cursors,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Proposals

type ProposalKey = { c: string; s: string | null; st: string | null };
const encodeKey = (k: ProposalKey) => Buffer.from(JSON.stringify(k)).toString('base64url');
function decodeKey(key: string): ProposalKey | null {
  try {
    const k = JSON.parse(Buffer.from(key, 'base64url').toString()) as ProposalKey;
    if (typeof k.c !== 'string' || !UUID.test(k.c) || (k.s !== null && (typeof k.s !== 'string' || !UUID.test(k.s)))) return null;
    if (k.st !== null && typeof k.st !== 'string') return null;
    return k;
  } catch {
    return null;
  }
}

export type ProposalArgs = { windowDays: number; minItems: number };

export function checkProposalArgs(a: ProposalArgs): void {
  const problems = [];
  if (!Number.isInteger(a.windowDays) || a.windowDays < 1 || a.windowDays > 366) problems.push({ field: 'windowDays', problems: ['1 to 366'] });
  if (!Number.isInteger(a.minItems) || a.minItems < 2 || a.minItems > 1000) problems.push({ field: 'minItems', problems: ['2 to 1000'] });
  if (problems.length) throw badInput(problems);
}

const MAX_PROPOSALS = 100;

/**
 * The proposals of docs/problems.md, computed in SQL on the fly over the items the viewer reaches (a viewer who
 * reaches no items, such as a wall display, gets none). `only`: one category and settlement (to find one proposal).
 */
export async function listProposals(ctx: Ctx, a: ProposalArgs, only?: ProposalKey): Promise<ProblemProposal[]> {
  checkProposalArgs(a);
  const em = ctx.em;
  const now = ctx.now();
  const reach = reachWhere(ctx.viewer);
  const everything = Object.keys(reach as object).length === 0;
  const sub = everything ? null : em.createQueryBuilder(Item, 'r').select('r.id').where(reach).getKnexQuery().toSQL();
  const rows = await proposalRows(em, {
    municipalityId: readableMunicipalityId(ctx) ?? null,
    since: new Date(now.getTime() - a.windowDays * 86_400_000),
    now,
    minItems: a.minItems,
    reach: sub ? { sql: sub.sql, bindings: sub.bindings } : null,
    only: only ? { categoryId: only.c, settlementId: only.s } : null,
    limit: MAX_PROPOSALS,
  });
  if (!rows.length) return [];
  const [categories, settlements, items] = await Promise.all([
    em.find(Category, { id: { $in: [...new Set(rows.map((r) => r.category_id))] } }),
    em.find(Settlement, { id: { $in: [...new Set(rows.flatMap((r) => (r.settlement_id ? [r.settlement_id] : [])))] } }),
    em.find(Item, { $and: [{ id: { $in: rows.flatMap((r) => r.item_ids) } }, reach] }),
  ]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  return rows.map((r) => toProposal(r, categories, settlements, itemById));
}

function toProposal(r: ProposalRow, categories: Category[], settlements: Settlement[], items: Map<string, Item>): ProblemProposal {
  const category = categories.find((c) => c.id === r.category_id)!;
  const settlement = settlements.find((s) => s.id === r.settlement_id) ?? null;
  const place = [settlement?.name, r.street ? prettyStreet(r.street) : null].filter(Boolean).join(', ');
  return {
    key: encodeKey({ c: r.category_id, s: r.settlement_id, st: r.street }),
    categoryId: r.category_id,
    settlementId: r.settlement_id,
    category,
    settlement,
    street: r.street ? prettyStreet(r.street) : null,
    itemCount: r.item_count,
    residentCount: r.resident_count,
    // Raw SQL gives timestamps as text: DateTime needs dates.
    firstReceivedAt: new Date(r.first_received_at),
    lastReceivedAt: new Date(r.last_received_at),
    suggestedTitle: `${category.name}${place ? `: ${place}` : ''}`,
    items: r.item_ids.map((id) => items.get(id)).filter((i): i is Item => !!i),
  };
}

/** The proposal with this key as the window shows it now, with its item ids; NOT_FOUND when there is none. */
export async function findProposal(ctx: Ctx, key: string, a: ProposalArgs): Promise<{ proposal: ProblemProposal; key: ProposalKey; itemIds: string[] }> {
  checkProposalArgs(a);
  const k = decodeKey(key);
  if (!k) throw notFound('ProblemProposal', key);
  const proposals = await listProposals(ctx, a, k);
  const proposal = proposals.find((p) => p.key === key);
  if (!proposal) throw notFound('ProblemProposal', key);
  return { proposal, key: k, itemIds: proposal.items.map((i) => i.id) };
}
