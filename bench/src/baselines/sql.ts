import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

/**
 * The hand-written floor: a plain node:http server that answers the dashboard's inbox, card and `me` with ONE SQL
 * statement each (pg, a pool of 20 like the product's request pool) and `JSON.stringify` of the rows, in the
 * shape of the product's answer (the same fields, `__typename`s included). No GraphQL, no ORM, no access policy
 * beyond the municipality (and the executor's department), no personal-data log: what is left is the database
 * and the JSON.
 */
export type SqlBaselineConfig = { databaseUrl: string; municipalityId: string };

const CLOSED = `('CLOSED', 'REDIRECTED', 'MERGED')`;

type Row = Record<string, unknown>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));

/** The product's deadlineState and secondsLeft (modules/items/deadlines.ts), from the stored instants. */
function clock(row: Row, now: number): { deadlineState: string | null; secondsLeft: number | null } {
  const due = row.due_at as Date | null;
  if (!due) return { deadlineState: null, secondsLeft: null };
  const at = (row.paused_at as Date | null)?.getTime() ?? now;
  const soon = row.due_soon_at as Date | null;
  const deadlineState = at > due.getTime() ? 'OVERDUE' : soon && at >= soon.getTime() ? 'DUE_SOON' : 'ON_TRACK';
  return { deadlineState, secondsLeft: Math.round((due.getTime() - at) / 1000) };
}

const ITEM_COLUMNS = `
  i.id, i.number, i.kind, i.channel, i.status, i.version, i.subject, i.text, i.urgent, i.received_at, i.due_at,
  i.due_soon_at, i.paused_at`;
const RELATED_COLUMNS = `
  c.id as c_id, c.code as c_code, c.name as c_name, c.name_en as c_name_en,
  s.id as s_id, s.code as s_code, s.name as s_name, s.name_en as s_name_en,
  st.id as st_id, st.name as st_name, st.short_name as st_short_name,
  d.id as d_id, d.name as d_name, d.short_name as d_short_name,
  u.id as u_id, u.full_name as u_full_name`;
const LIST_COLUMNS = `${ITEM_COLUMNS}, ${RELATED_COLUMNS}`;
/** The card's own columns beyond the row's (not the search vector, which the card does not show). */
const CARD_COLUMNS = `
  i.source, i.external_id, i.identified, i.applicant_name, i.applicant_phone, i.applicant_email, i.applicant_address,
  i.address, i.lat, i.lon, i.registered_at, i.registration_due_at, i.redirect_due_at, i.answer_due_at,
  i.first_reaction_due_at, i.final_answer_due_at, i.review_due_at, i.first_reaction_at, i.answered_at, i.closed_at,
  i.rated_at, i.extended_at, i.extension_reason, i.outcome, i.satisfied, i.rating_comment, i.reopen_count,
  i.rework_count, i.redirected_to, i.no_answer_reason, i.updated_at`;

const LIST_JOINS = `
  left join category c on c.id = i.category_id
  left join sector s on s.id = i.sector_id
  left join settlement st on st.id = i.settlement_id
  left join department d on d.id = i.department_id
  left join app_user u on u.id = i.executor_id`;

function listRow(r: Row, now: number) {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    version: r.version,
    subject: r.subject,
    text: r.text,
    urgent: r.urgent,
    receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at),
    ...clock(r, now),
    pausedAt: iso(r.paused_at),
    category: r.c_id ? { id: r.c_id, code: r.c_code, name: r.c_name, nameEn: r.c_name_en, __typename: 'Category' } : null,
    sector: r.s_id ? { id: r.s_id, code: r.s_code, name: r.s_name, nameEn: r.s_name_en, __typename: 'Sector' } : null,
    settlement: r.st_id ? { id: r.st_id, name: r.st_name, shortName: r.st_short_name, __typename: 'Settlement' } : null,
    department: r.d_id ? { id: r.d_id, name: r.d_name, shortName: r.d_short_name, __typename: 'Department' } : null,
    executor: r.u_id ? { id: r.u_id, fullName: r.u_full_name, __typename: 'User' } : null,
    __typename: 'Item',
  };
}

type InboxVariables = { filter?: { openOnly?: boolean; departmentId?: string; sectorCode?: string } | null; first?: number };

/** The inbox page "urgent first, then the nearest deadline" and its total, in one statement (the total an InitPlan). */
async function inbox(pool: pg.Pool, config: SqlBaselineConfig, v: InboxVariables, reachDepartment: string | null) {
  const params: unknown[] = [config.municipalityId];
  const where = ['x.municipality_id = $1'];
  if (v.filter?.openOnly) where.push(`x.status not in ${CLOSED}`);
  const department = v.filter?.departmentId ?? reachDepartment;
  if (department) where.push(`x.department_id = $${params.push(department)}`);
  if (reachDepartment && v.filter?.departmentId && v.filter.departmentId !== reachDepartment) where.push('false');
  if (v.filter?.sectorCode) where.push(`x.sector_id = (select id from sector where municipality_id = $1 and code = $${params.push(v.filter.sectorCode)})`);
  const first = Math.min(100, Math.max(1, v.first ?? 25));
  const cond = where.join(' and ');
  const sql = `
    select ${LIST_COLUMNS}, (select count(*) from item x where ${cond})::int as total
    from item i ${LIST_JOINS}
    where ${cond.replaceAll('x.', 'i.')}
    order by i.urgent desc, i.due_at asc nulls last, i.id asc
    limit ${first + 1}`;
  const { rows } = await pool.query<Row>(sql, params);
  const now = Date.now();
  const nodes = rows.slice(0, first).map((r) => listRow(r, now));
  const last = rows[Math.min(rows.length, first) - 1];
  const endCursor = last
    ? Buffer.from(JSON.stringify({ k: `${last.urgent ? 1 : 0}|${iso(last.due_at) ?? ''}`, id: last.id })).toString('base64url')
    : null;
  return {
    data: {
      items: {
        totalCount: rows.length ? rows[0]!.total : 0,
        nodes,
        pageInfo: { endCursor, hasNextPage: rows.length > first, __typename: 'PageInfo' },
        __typename: 'ItemConnection',
      },
    },
  };
}

const user = (alias: string) => `case when ${alias}.id is null then null else json_build_object('id', ${alias}.id, 'fullName', ${alias}.full_name, '__typename', 'User') end`;

/** The card: the item, its relations, and its lists (history, answers, attachments, duplicates) as json_agg subqueries. */
const CARD_SQL = `
  select ${LIST_COLUMNS}, ${CARD_COLUMNS},
    (select coalesce(json_agg(json_build_object('id', e.id, 'at', e.at, 'type', e.type, 'fromStatus', e.from_status, 'toStatus', e.to_status,
        'comment', e.comment, 'details', e.details, 'actorLabel', e.actor_label, 'changes', e.changes, 'actor', ${user('a')}, '__typename', 'ItemEvent')
        order by e.at, e.created_at), '[]')
      from item_event e left join app_user a on a.id = e.actor_id where e.item_id = i.id) as history,
    (select coalesce(json_agg(json_build_object('id', an.id, 'kind', an.kind, 'status', an.status, 'text', an.text, 'submittedAt', an.submitted_at,
        'reviewedAt', an.reviewed_at, 'reworkReasons', an.rework_reasons, 'reviewComment', an.review_comment,
        'author', ${user('au')}, 'reviewer', ${user('rv')}, '__typename', 'ItemAnswer') order by an.created_at), '[]')
      from item_answer an left join app_user au on au.id = an.author_id left join app_user rv on rv.id = an.reviewer_id
      where an.item_id = i.id) as answers,
    (select coalesce(json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'mimeType', f.mime_type, 'size', f.size,
        'url', '/files/' || f.id, '__typename', 'Attachment') order by f.created_at), '[]')
      from attachment f where f.item_id = i.id) as attachments,
    (select coalesce(json_agg(json_build_object('id', dup.id, 'number', dup.number, 'status', dup.status, 'subject', dup.subject, '__typename', 'Item')
        order by dup.received_at), '[]')
      from item dup where dup.parent_id = i.id and dup.municipality_id = i.municipality_id) as duplicates,
    (select json_build_object('id', p.id, 'number', p.number, 'status', p.status, 'subject', p.subject, '__typename', 'Item')
      from item p where p.id = i.parent_id and p.municipality_id = i.municipality_id) as parent,
    (select coalesce(json_agg(json_build_object('id', sd.id, 'name', sd.name, 'shortName', sd.short_name, '__typename', 'Department') order by sd.name), '[]')
      from department sd where sd.active and (
        exists (select 1 from department_sector ds where ds.department_id = sd.id and ds.sector_id = i.sector_id)
        or exists (select 1 from department_category dc where dc.department_id = sd.id and dc.category_id = i.category_id))) as suggested
  from item i ${LIST_JOINS}
  where i.id = $1 and i.municipality_id = $2`;

/** What the head may do, by status (the product asks its policy; a table is enough for the floor). */
const ACTIONS: Record<string, string[]> = {
  NEW: ['REGISTER', 'REDIRECT', 'MERGE', 'LEAVE_WITHOUT_ANSWER'],
  REGISTERED: ['ASSIGN', 'REDIRECT', 'MERGE', 'LEAVE_WITHOUT_ANSWER', 'EXTEND'],
  ASSIGNED: ['ASSIGN', 'START', 'EXTEND'],
  IN_PROGRESS: ['ASK_CITIZEN', 'SUBMIT_ANSWER', 'PUBLISH_INTERIM', 'EXTEND'],
  WAITING_CITIZEN: ['CITIZEN_REPLIED'],
  ON_REVIEW: ['APPROVE_ANSWER', 'RETURN_FOR_REWORK'],
  ANSWERED: ['RATE', 'CLOSE'],
  REOPENED: ['ASSIGN'],
};

async function card(pool: pg.Pool, config: SqlBaselineConfig, id: string) {
  const { rows } = await pool.query<Row>(CARD_SQL, [id, config.municipalityId]);
  const r = rows[0];
  if (!r) return { data: { item: null } };
  const kind = r.kind as string;
  return {
    data: {
      item: {
        ...listRow(r, Date.now()),
        source: r.source,
        externalId: r.external_id,
        identified: r.identified,
        anonymous: kind === 'APPEAL' && (!r.applicant_name || (!r.applicant_address && !r.applicant_email)),
        address: r.address,
        lat: r.lat,
        lon: r.lon,
        registeredAt: iso(r.registered_at),
        registrationDueAt: iso(r.registration_due_at),
        redirectDueAt: iso(r.redirect_due_at),
        answerDueAt: iso(r.answer_due_at),
        firstReactionDueAt: iso(r.first_reaction_due_at),
        finalAnswerDueAt: iso(r.final_answer_due_at),
        reviewDueAt: iso(r.review_due_at),
        firstReactionAt: iso(r.first_reaction_at),
        answeredAt: iso(r.answered_at),
        closedAt: iso(r.closed_at),
        ratedAt: iso(r.rated_at),
        extendedAt: iso(r.extended_at),
        extensionReason: r.extension_reason,
        outcome: r.outcome,
        satisfied: r.satisfied,
        ratingComment: r.rating_comment,
        reopenCount: r.reopen_count,
        reworkCount: r.rework_count,
        redirectedTo: r.redirected_to,
        noAnswerReason: r.no_answer_reason,
        suggestedDepartments: r.suggested,
        availableActions: ACTIONS[r.status as string] ?? [],
        updatedAt: iso(r.updated_at),
        applicant: { name: r.applicant_name, phone: r.applicant_phone, email: r.applicant_email, address: r.applicant_address, masked: false, __typename: 'Applicant' },
        parent: r.parent,
        duplicates: r.duplicates,
        answers: r.answers,
        history: r.history,
        attachments: r.attachments,
      },
    },
  };
}

/** The Me document's answer (the signed-in person, here the head), in one statement. */
async function me(pool: pg.Pool, config: SqlBaselineConfig, username: string) {
  const { rows } = await pool.query<Row>(
    `select u.id, u.username, u.full_name, u.position, u.email, u.locale, u.roles::text[] as roles,
       d.id as d_id, d.name as d_name, coalesce(d.short_name, d.name) as d_short_name,
       m.id as m_id, m.name as m_name, m.short_name as m_short_name, m.region_name, m.timezone, m.population,
       coalesce((select json_agg(json_build_object('id', s.id, 'code', s.code, '__typename', 'Sector') order by s.position, s.code)
                 from user_sector us join sector s on s.id = us.sector_id where us.user_id = u.id), '[]') as sectors
     from app_user u left join department d on d.id = u.department_id left join municipality m on m.id = u.municipality_id
     where u.username = $1 and u.municipality_id = $2`,
    [username, config.municipalityId],
  );
  const r = rows[0];
  if (!r) return { data: { me: null } };
  return {
    data: {
      me: {
        id: r.id,
        username: r.username,
        fullName: r.full_name,
        position: r.position,
        email: r.email,
        locale: r.locale,
        roles: r.roles,
        department: r.d_id ? { id: r.d_id, name: r.d_name, shortName: r.d_short_name, __typename: 'Department' } : null,
        sectors: r.sectors,
        municipality: {
          id: r.m_id,
          name: r.m_name,
          shortName: r.m_short_name,
          regionName: r.region_name,
          timezone: r.timezone,
          population: r.population,
          __typename: 'Municipality',
        },
        __typename: 'User',
      },
    },
  };
}

async function bodyOf(req: IncomingMessage): Promise<{ variables?: Record<string, unknown> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: Record<string, unknown> };
}

/**
 * POST /items (the Items document's body; `?department=<id>` stands for an executor, who reaches only their
 * department's items), POST /item (the Item document's body) and POST /me (`?username=`, the head by default).
 */
export async function startSqlBaseline(config: SqlBaselineConfig): Promise<{ port: number; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 20 });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://x');
        const body = await bodyOf(req);
        const answer =
          url.pathname === '/items'
            ? await inbox(pool, config, (body.variables ?? {}) as InboxVariables, url.searchParams.get('department'))
            : url.pathname === '/item'
              ? await card(pool, config, String(body.variables?.id ?? ''))
              : url.pathname === '/me'
                ? await me(pool, config, url.searchParams.get('username') ?? 'head')
                : null;
        if (!answer) {
          res.writeHead(404).end();
          return;
        }
        const json = JSON.stringify(answer);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
      } catch (e) {
        const json = JSON.stringify({ errors: [{ message: e instanceof Error ? e.message : String(e) }] });
        res.writeHead(500, { 'content-type': 'application/json' }).end(json);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
