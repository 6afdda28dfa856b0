import type pg from 'pg';
import { DEMO_MUNICIPALITY_CODE } from './data/org.js';

/**
 * What the dashboard asks, as it asks it (web/src/features/items/composables/useItemList.ts and useInboxFilters.ts:
 * the inbox opens with `{ filter: { openOnly: true }, first: 25, sort: URGENT_FIRST }`), and who asks.
 */
export type Viewer = 'head' | 'executor';
export type ScenarioKey = 'inbox-25' | 'inbox-100' | 'department-25' | 'sector-25' | 'card' | 'sla-preview' | 'me';

export type Scenario = {
  key: ScenarioKey;
  title: string;
  document: 'Items' | 'Item' | 'SlaPreview' | 'Me';
  viewer: Viewer;
  variables: Record<string, unknown>;
  /** The hand-written SQL server's route for it, if it has one */
  sql?: string;
  /** PostGraphile's equivalent request, if it has one */
  postgraphile?: { query: string; variables: Record<string, unknown> };
  /** The groups --only may name */
  groups: string[];
};

/** Ids the scenarios and the baselines need, read from the generated database. */
export type Ids = { municipalityId: string; executorDepartmentId: string; zhkhSectorId: string; cardItemId: string };

export async function findIds(db: pg.ClientBase): Promise<Ids> {
  const m = (await db.query<{ id: string }>('select id from municipality where code = $1', [DEMO_MUNICIPALITY_CODE])).rows[0];
  if (!m) throw new Error('the demo municipality is missing');
  const dept = (await db.query<{ id: string }>(`select department_id as id from app_user where username = 'executor'`)).rows[0];
  const sector = (await db.query<{ id: string }>(`select id from sector where municipality_id = $1 and code = 'ZHKH'`, [m.id])).rows[0];
  // The card the benchmark opens: an item of the demo municipality with a long history, answers, attachments and
  // duplicates merged into it, whichever is found first among the items that others were merged into.
  const card = (
    await db.query<{ id: string }>(
      `select p.id from item p
       where p.municipality_id = $1
         and p.id in (select parent_id from item where parent_id is not null and municipality_id = $1 limit 2000)
         and exists (select 1 from attachment a where a.item_id = p.id)
         and exists (select 1 from item_answer a where a.item_id = p.id)
       order by (select count(*) from item d where d.parent_id = p.id) desc, (select count(*) from item_event e where e.item_id = p.id) desc
       limit 1`,
      [m.id],
    )
  ).rows[0];
  if (!dept?.id || !sector || !card) throw new Error('the generated data lack an executor with a department, the ZHKH sector or an item with duplicates, answers and attachments');
  return { municipalityId: m.id, executorDepartmentId: dept.id, zhkhSectorId: sector.id, cardItemId: card.id };
}

/** PostGraphile's inbox: the same rows in the same order (urgent desc, due_at asc — nulls last by default — id asc). */
function postgraphileInbox(condition: string, first: number) {
  return {
    query: `query Inbox($first: Int!) {
  allItems(first: $first, orderBy: [URGENT_DESC, DUE_AT_ASC, ID_ASC], condition: { ${condition} }) {
    totalCount
    nodes {
      id number kind channel status version subject text urgent receivedAt dueAt dueSoonAt pausedAt
      categoryByCategoryId { id code name nameEn }
      sectorBySectorId { id code name nameEn }
      settlementBySettlementId { id name shortName }
      departmentByDepartmentId { id name shortName }
      appUserByExecutorId { id fullName }
    }
    pageInfo { endCursor hasNextPage }
  }
}`,
    variables: { first },
  };
}

const POSTGRAPHILE_CARD = `query Card($id: UUID!) {
  itemById(id: $id) {
    id number kind channel status version subject text urgent receivedAt dueAt dueSoonAt pausedAt source externalId identified
    applicantName applicantPhone applicantEmail applicantAddress address lat lon registeredAt registrationDueAt redirectDueAt
    answerDueAt firstReactionDueAt finalAnswerDueAt reviewDueAt firstReactionAt answeredAt closedAt ratedAt extendedAt
    extensionReason outcome satisfied ratingComment reopenCount reworkCount redirectedTo noAnswerReason updatedAt
    categoryByCategoryId { id code name nameEn }
    sectorBySectorId { id code name nameEn }
    settlementBySettlementId { id name shortName }
    departmentByDepartmentId { id name shortName }
    appUserByExecutorId { id fullName }
    itemByParentId { id number status subject }
    itemsByParentId(orderBy: RECEIVED_AT_ASC) { nodes { id number status subject } }
    itemAnswersByItemId(orderBy: CREATED_AT_ASC) {
      nodes { id kind status text submittedAt reviewedAt reworkReasons reviewComment appUserByAuthorId { id fullName } appUserByReviewerId { id fullName } }
    }
    itemEventsByItemId(orderBy: [AT_ASC, CREATED_AT_ASC]) {
      nodes { id at type fromStatus toStatus comment details actorLabel changes appUserByActorId { id fullName } }
    }
    attachmentsByItemId(orderBy: CREATED_AT_ASC) { nodes { id fileName mimeType size } }
  }
}`;

export function scenarios(ids: Ids, now: Date): Scenario[] {
  const inbox = (first: number, filter: Record<string, unknown>) => ({ filter, first, sort: 'URGENT_FIRST' });
  const m = `municipalityId: "${ids.municipalityId}", openOnly: true`;
  return [
    {
      key: 'inbox-25',
      title: 'inbox, 25 rows (head)',
      document: 'Items',
      viewer: 'head',
      variables: inbox(25, { openOnly: true }),
      sql: '/items',
      postgraphile: postgraphileInbox(m, 25),
      groups: ['inbox'],
    },
    {
      key: 'inbox-100',
      title: 'inbox, 100 rows (head)',
      document: 'Items',
      viewer: 'head',
      variables: inbox(100, { openOnly: true }),
      sql: '/items',
      postgraphile: postgraphileInbox(m, 100),
      groups: ['inbox'],
    },
    {
      // The executor's own inbox: the dashboard's default view, which the access policy narrows to the department.
      key: 'department-25',
      title: "one department's inbox, 25 rows (its executor)",
      document: 'Items',
      viewer: 'executor',
      variables: inbox(25, { openOnly: true }),
      sql: `/items?department=${ids.executorDepartmentId}`,
      postgraphile: postgraphileInbox(`${m}, departmentId: "${ids.executorDepartmentId}"`, 25),
      groups: ['inbox', 'department'],
    },
    {
      key: 'sector-25',
      title: 'one sector (ЖКХ), 25 rows (head)',
      document: 'Items',
      viewer: 'head',
      variables: inbox(25, { openOnly: true, sectorCode: 'ZHKH' }),
      sql: '/items',
      postgraphile: postgraphileInbox(`${m}, sectorId: "${ids.zhkhSectorId}"`, 25),
      groups: ['inbox', 'sector'],
    },
    {
      key: 'card',
      title: 'item card (head)',
      document: 'Item',
      viewer: 'head',
      variables: { id: ids.cardItemId },
      sql: '/item',
      postgraphile: { query: POSTGRAPHILE_CARD, variables: { id: ids.cardItemId } },
      groups: ['card'],
    },
    {
      // The new-item form's preview as it asks it (features/items/composables/useSlaPreview.ts).
      key: 'sla-preview',
      title: 'slaPreview (head)',
      document: 'SlaPreview',
      viewer: 'head',
      variables: { kind: 'MESSAGE', registeredAt: now.toISOString(), urgent: false, categoryCode: 'ZHKH_WATER', receivedAt: now.toISOString() },
      groups: ['sla', 'slapreview'],
    },
    { key: 'me', title: 'me (head)', document: 'Me', viewer: 'head', variables: {}, sql: '/me', groups: ['me'] },
  ];
}

export function selectScenarios(all: Scenario[], only: string[] | null): Scenario[] {
  if (!only) return all;
  const wanted = only.map((o) => o.toLowerCase());
  const chosen = all.filter((s) => wanted.some((w) => w === s.key || s.groups.includes(w)));
  const unknown = wanted.filter((w) => !all.some((s) => w === s.key || s.groups.includes(w)));
  if (unknown.length) throw new Error(`--only: no scenario ${unknown.join(', ')} (there are ${all.map((s) => s.key).join(', ')}, and the groups inbox, card, sla, me)`);
  return chosen;
}
