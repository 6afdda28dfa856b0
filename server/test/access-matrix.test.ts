import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { buildAppSchema } from '../src/graphql/schema.js';
import { ALL_PRINCIPALS, operationRules, principalMay, principalName, type Principal } from '../src/graphql/operation-policy.js';
import { codeOf, startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * The access matrix: every role and every token scope (and nobody) against every query, mutation and
 * subscription. The cells come from the policy (the resolvers' guards, read back by operationRules); the
 * expected answer of each cell comes from the table below, written from docs/domain.md §4 on its own, so a
 * change of the policy that the table does not share fails here. Each cell is then run against the real server:
 * an allowed cell passes the guard, a refused one gets FORBIDDEN (UNAUTHENTICATED for nobody) and, for a write,
 * leaves the database as it was.
 */

// ---------------------------------------------------------------------------------------------------------------
// Expectations (docs/domain.md §4), independent of modules/auth/roles.ts

const ROLES = ['CURATOR', 'HEAD', 'SECTOR_LEAD', 'INCIDENT_MANAGER', 'POS_OPERATOR', 'EXECUTOR', 'ANALYST', 'REGION'];
const who = (...names: string[]) => new Set(names);
const EVERYONE = who(...ROLES, 'token:ORG_READ', 'token:ITEMS_INGEST', 'token:ITEMS_READ', 'token:PERSONAL_DATA_READ', 'token:KPI_READ', 'token:WALL_READ', 'token:WEBHOOKS', 'anonymous');
/** A person's own account, notifications and profile: people only, never a token. */
const PEOPLE = who(...ROLES);
/** The organisation (and the calendar and deadline preview built on it): every person, tokens that read it, the wall. */
const ORG_READERS = who(...ROLES, 'token:ORG_READ', 'token:WALL_READ');
/** Items, read: every person (masked where they do not work the item), tokens with ITEMS_READ, the wall (masked). */
const ITEM_READERS = who(...ROLES, 'token:ITEMS_READ', 'token:WALL_READ');
/** Roles that work items (which items and actions: the item policy). Curator, analyst and the region only read. */
const ITEM_WORKERS = who('HEAD', 'SECTOR_LEAD', 'INCIDENT_MANAGER', 'POS_OPERATOR', 'EXECUTOR');
/** Who registers items: the head, sector leads, the ПОС operator, the incident manager; integrators ingest. */
const ITEM_CREATORS = who('HEAD', 'SECTOR_LEAD', 'POS_OPERATOR', 'INCIDENT_MANAGER', 'token:ITEMS_INGEST');
/** Who sees the staff list: those who assign work or oversee it. Executors and analysts do not. */
const USER_READERS = who('CURATOR', 'HEAD', 'SECTOR_LEAD', 'INCIDENT_MANAGER', 'POS_OPERATOR', 'REGION');
/** KPIs carry no personal data: the head, the curator, sector leads (their sectors), analysts, the region, KPI tokens. */
const KPI_READERS = who('HEAD', 'CURATOR', 'SECTOR_LEAD', 'ANALYST', 'REGION', 'token:KPI_READ');
/** Recurring problems carry no personal data: every person (an executor their department's), the KPI and wall tokens. */
const PROBLEM_READERS = who(...ROLES, 'token:KPI_READ', 'token:WALL_READ');
/** The list of problems: the curator confirms it and approves plans, the head and sector leads work it (docs/problems.md). */
const PROBLEM_MANAGERS = who('HEAD', 'CURATOR', 'SECTOR_LEAD');
/** Bulk import of files (docs/integrators.md): the people who register items; no token. */
const IMPORTERS = who('HEAD', 'SECTOR_LEAD', 'POS_OPERATOR', 'INCIDENT_MANAGER');
/** Users, tokens, the organisation and the calendar are managed by the head alone. */
const HEAD = who('HEAD');
/** Webhooks: the head (every one of the municipality) and integrator tokens with WEBHOOKS (their own; docs/integrators.md). */
const WEBHOOK_MANAGERS = who('HEAD', 'token:WEBHOOKS');

const EXPECTED: Record<string, Set<string>> = {
  'query me': EVERYONE,
  'mutation signIn': EVERYONE,
  'mutation signOut': EVERYONE,
  'mutation changeMyPassword': PEOPLE,
  'mutation updateMyProfile': PEOPLE,
  'query notifications': PEOPLE,
  'query unreadNotificationCount': PEOPLE,
  'mutation markNotificationsRead': PEOPLE,
  'subscription notificationAdded': PEOPLE,
  'query municipalities': ORG_READERS,
  'query municipality': ORG_READERS,
  'query settlements': ORG_READERS,
  'query sectors': ORG_READERS,
  'query categories': ORG_READERS,
  'query departments': ORG_READERS,
  'query department': ORG_READERS,
  'query calendarYears': ORG_READERS,
  'query calendarWarnings': ORG_READERS,
  'query slaPreview': ORG_READERS,
  'subscription organisationChanged': ORG_READERS,
  'query users': USER_READERS,
  'query user': USER_READERS,
  'mutation createUser': HEAD,
  'mutation updateUser': HEAD,
  'mutation setUserPassword': HEAD,
  'query apiTokens': HEAD,
  'mutation createApiToken': HEAD,
  'mutation revokeApiToken': HEAD,
  'mutation createDepartment': HEAD,
  'mutation updateDepartment': HEAD,
  'mutation createCategory': HEAD,
  'mutation updateCategory': HEAD,
  'mutation updateSector': HEAD,
  /** The gazetteer of a settlement (docs/text.md, "Places"): the head extends it. */
  'mutation updateSettlementGazetteer': HEAD,
  'mutation saveCalendarYear': HEAD,
  'query items': ITEM_READERS,
  'query item': ITEM_READERS,
  'query answerTemplates': ITEM_READERS,
  'subscription itemEvents': ITEM_READERS,
  'subscription alertRaised': ITEM_READERS,
  'subscription sectorUpdated': KPI_READERS,
  'subscription kpiUpdated': KPI_READERS,
  'query settlementLoad': KPI_READERS,
  'query mapSettings': ORG_READERS,
  /** The audit log: the head. */
  'query auditEvents': HEAD,
  'mutation saveAnswerTemplate': who('HEAD', 'SECTOR_LEAD'),
  'mutation createItem': ITEM_CREATORS,
  /** Batches from other systems: integrator tokens that ingest (docs/integrators.md). */
  'mutation ingestItems': who('token:ITEMS_INGEST'),
  /** A later status or answer from the item's source system: the tokens that ingest. */
  'mutation updateIngestedItem': who('token:ITEMS_INGEST'),
  'query itemQueueCounts': ITEM_WORKERS,
  /** Reading a text as the machine does: whoever registers items, and integrators that send them (docs/text.md). */
  'query classifyText': ITEM_CREATORS,
  'query likelyDuplicates': ITEM_CREATORS,
  /** The text model and its retraining from the staff's examples: the head. */
  'query textModel': HEAD,
  'mutation retrainTextModel': HEAD,
  ...Object.fromEntries(
    [
      'query importFile', 'query importMappings', 'mutation saveImportMapping', 'mutation deleteImportMapping', 'mutation startImport',
      'query importJob', 'query importJobs', 'query importRowErrors', 'subscription importProgress',
    ].map((op) => [op, IMPORTERS]),
  ),
  ...Object.fromEntries(
    ['query webhooks', 'query webhookDeliveries', 'mutation createWebhook', 'mutation updateWebhook', 'mutation deleteWebhook', 'mutation replayWebhookDelivery', 'mutation pingWebhook'].map(
      (op) => [op, WEBHOOK_MANAGERS],
    ),
  ),
  'query kpis': KPI_READERS,
  'query kpiSeries': KPI_READERS,
  'query kpiRanking': KPI_READERS,
  'query kpiTargets': KPI_READERS,
  /** The curator approves KPI targets (docs/domain.md §4, §5). */
  'mutation setKpiTarget': who('CURATOR'),
  /** Reports carry whole-municipality figures: the head, the curator, analysts and the region read them (docs/kpi.md). */
  'query reports': who('HEAD', 'CURATOR', 'ANALYST', 'REGION'),
  /** Generating a report on request: the head and the curator. */
  'mutation generateReport': who('HEAD', 'CURATOR'),
  'query problems': PROBLEM_READERS,
  'query problem': PROBLEM_READERS,
  'query problemProposals': PROBLEM_READERS,
  ...Object.fromEntries(
    [
      'confirmProposal', 'rejectProposal', 'createProblem', 'confirmProblem', 'rejectProblem', 'updateProblem', 'mergeProblems',
      'splitProblem', 'linkProblemItems', 'unlinkProblemItems', 'addProblemMeasure', 'updateProblemMeasure', 'approveProblemPlan',
      'addProblemReport', 'solveProblem',
    ].map((m) => [`mutation ${m}`, PROBLEM_MANAGERS]),
  ),
  ...Object.fromEntries(
    [
      'registerItem', 'assignItem', 'startItem', 'askCitizen', 'citizenReplied', 'submitAnswer', 'publishInterimAnswer',
      'returnForRework', 'approveAnswer', 'rateItem', 'closeItem', 'extendItem', 'redirectItem', 'leaveWithoutAnswer',
      'mergeItem', 'attachFiles', 'classifyItem',
    ].map((m) => [`mutation ${m}`, ITEM_WORKERS]),
  ),
};

const cell = (kind: string, name: string) => `${kind} ${name}`;

describe('the access policy against the expectations of docs/domain.md §4', () => {
  beforeAll(async () => {
    await buildAppSchema();
  });

  it('covers every operation of the schema, and no operation that the schema lacks', () => {
    const ops = operationRules().map((r) => cell(r.kind, r.name)).sort();
    expect(ops).toEqual(Object.keys(EXPECTED).sort());
  });

  it('answers every cell (operation × role, token scope or nobody) as the expectations do', () => {
    const mismatches: string[] = [];
    for (const rule of operationRules()) {
      for (const p of ALL_PRINCIPALS) {
        const policy = principalMay(p, rule.requires);
        const expected = EXPECTED[cell(rule.kind, rule.name)]!.has(principalName(p));
        if (policy !== expected) mismatches.push(`${cell(rule.kind, rule.name)} × ${principalName(p)}: policy ${policy ? 'allows' : 'refuses'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Every cell against the real server

let t: TestApp;
const clients: Client[] = [];
/** Credentials of each principal (null: nobody) and, for people, their user id. */
const creds = new Map<string, { token: string | null; userId?: string }>();
const ids: Record<string, string> = {};
const versions: Record<string, number> = {};
const NO_ID = '7d0b7f4e-0000-4000-8000-00000000abcd';

type Fixture = {
  doc: string;
  /** variables for a refused cell: a real write, were it allowed */
  write?: () => Record<string, unknown>;
  /** variables for an allowed cell: passes the guard, then fails or changes nothing */
  probe?: () => Record<string, unknown>;
  /** for a subscription: publish an event this principal would hear */
  trigger?: (p: Principal) => void;
  /** run each person's cell on a session of its own (the operation ends the session it runs on) */
  freshSession?: boolean;
};

const item = (name: string) => ({ id: ids[name]!, version: versions[name]! });
const lifecycle = (doc: string, itemName: string, input?: Record<string, unknown>): Fixture => ({
  doc,
  write: () => ({ ...item(itemName), ...(input ? { input } : {}) }),
  probe: () => ({ id: NO_ID, version: 1, ...(input ? { input } : {}) }),
});

const FIXTURES: Record<string, Fixture> = {
  'query me': { doc: '{ me { id } }' },
  'mutation signIn': { doc: 'mutation { signIn(username: "nobody.here", password: "wrong-password") { token } }' },
  'mutation signOut': { doc: 'mutation { signOut }', freshSession: true },
  'mutation changeMyPassword': {
    doc: 'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) }',
    write: () => ({ c: t.password, n: 'matrix-new-password' }),
    probe: () => ({ c: 'not-the-password', n: 'matrix-new-password' }),
  },
  'mutation updateMyProfile': {
    doc: 'mutation($l: String) { updateMyProfile(input: { locale: $l }) { id } }',
    write: () => ({ l: 'en' }),
    probe: () => ({ l: 'xx' }),
  },
  'query notifications': { doc: '{ notifications { id } }' },
  'query unreadNotificationCount': { doc: '{ unreadNotificationCount }' },
  'mutation markNotificationsRead': {
    doc: 'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
    write: () => ({}),
    probe: () => ({ ids: [NO_ID] }),
  },
  'subscription notificationAdded': {
    doc: 'subscription { notificationAdded { notificationId } }',
    trigger: (p) => {
      const userId = creds.get(principalName(p))?.userId;
      if (userId) void t.emitLive('NOTIFICATION_ADDED', { municipalityId: ids.municipality!, userId, notificationId: randomUUID(), at: new Date().toISOString() });
    },
  },
  'query municipalities': { doc: '{ municipalities { id } }' },
  'query municipality': { doc: 'query($id: ID!) { municipality(id: $id) { id } }', probe: () => ({ id: ids.municipality }), write: () => ({ id: ids.municipality }) },
  'query settlements': { doc: '{ settlements { id } }' },
  'query sectors': { doc: '{ sectors { id } }' },
  'query categories': { doc: '{ categories { id } }' },
  'query departments': { doc: '{ departments { id } }' },
  'query department': { doc: 'query($id: ID!) { department(id: $id) { id } }', probe: () => ({ id: ids.housing }), write: () => ({ id: ids.housing }) },
  'query calendarYears': { doc: '{ calendarYears { year } }' },
  'query calendarWarnings': { doc: '{ calendarWarnings { year } }' },
  'query slaPreview': { doc: '{ slaPreview(kind: APPEAL, registeredAt: "2026-03-02T09:00:00Z") { answerDueAt } }' },
  'subscription organisationChanged': {
    doc: 'subscription { organisationChanged { entityId } }',
    trigger: () =>
      void t.emitLive('ORGANISATION_CHANGED', { municipalityId: ids.municipality!, entity: 'Department', entityId: ids.housing!, action: 'UPDATED', at: new Date().toISOString() }),
  },
  'query users': { doc: '{ users { id } }' },
  'query user': { doc: 'query($id: ID!) { user(id: $id) { id } }', probe: () => ({ id: ids.analystUser }), write: () => ({ id: ids.analystUser }) },
  'mutation createUser': {
    doc: 'mutation($i: UserInput!) { createUser(input: $i) { id } }',
    write: () => ({ i: { username: 'matrix.user', fullName: 'Матрица Проверка', roles: ['ANALYST'], password: 'matrix-password' } }),
    probe: () => ({ i: { username: 'bad name!', fullName: 'Матрица Проверка', roles: ['ANALYST'], password: 'matrix-password' } }),
  },
  'mutation updateUser': {
    doc: 'mutation($id: ID!) { updateUser(id: $id, input: { fullName: "Изменено Матрицей" }) { id } }',
    write: () => ({ id: ids.analystUser }),
    probe: () => ({ id: NO_ID }),
  },
  'mutation setUserPassword': {
    doc: 'mutation($id: ID!) { setUserPassword(id: $id, password: "matrix-password-2") }',
    write: () => ({ id: ids.analystUser }),
    probe: () => ({ id: NO_ID }),
  },
  'query apiTokens': { doc: '{ apiTokens { id } }' },
  'mutation createApiToken': {
    doc: 'mutation($s: [Scope!]!) { createApiToken(input: { name: "matrix token", kind: INTEGRATOR, scopes: $s }) { token } }',
    write: () => ({ s: ['ORG_READ'] }),
    probe: () => ({ s: ['WALL_READ'] }),
  },
  'mutation revokeApiToken': { doc: 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', write: () => ({ id: ids.spareToken }), probe: () => ({ id: NO_ID }) },
  'mutation createDepartment': {
    doc: 'mutation($s: [String!]!) { createDepartment(input: { code: "matrix_dept", name: "Матрица", kind: ADMIN_UNIT, sectorCodes: $s }) { id } }',
    write: () => ({ s: ['ZHKH'] }),
    probe: () => ({ s: ['NOPE'] }),
  },
  'mutation updateDepartment': {
    doc: 'mutation($id: ID!) { updateDepartment(id: $id, input: { phone: "+7 000 000-00-00" }) { id } }',
    write: () => ({ id: ids.housing }),
    probe: () => ({ id: NO_ID }),
  },
  'mutation createCategory': {
    doc: 'mutation($s: String!) { createCategory(input: { code: "MATRIX_CAT", sectorCode: $s, name: "Матрица" }) { id } }',
    write: () => ({ s: 'ZHKH' }),
    probe: () => ({ s: 'NOPE' }),
  },
  'mutation updateCategory': { doc: 'mutation($id: ID!) { updateCategory(id: $id, input: { name: "Изменено" }) { id } }', write: () => ({ id: ids.category }), probe: () => ({ id: NO_ID }) },
  'mutation updateSector': { doc: 'mutation($id: ID!) { updateSector(id: $id, input: { name: "Изменено" }) { id } }', write: () => ({ id: ids.sector }), probe: () => ({ id: NO_ID }) },
  'mutation updateSettlementGazetteer': {
    doc: 'mutation($id: ID!) { updateSettlementGazetteer(id: $id, input: { streets: ["ул. Матричная"] }) { id } }',
    write: () => ({ id: ids.settlement }),
    probe: () => ({ id: NO_ID }),
  },
  'mutation saveCalendarYear': {
    doc: 'mutation($w: [String!]!) { saveCalendarYear(input: { year: 2031, status: PROVISIONAL, nonWorkingWeekdays: $w, workingWeekends: [], shortened: [] }) { year } }',
    write: () => ({ w: [] }),
    probe: () => ({ w: ['not-a-date'] }),
  },
  'query items': { doc: '{ items { totalCount } }' },
  'query item': { doc: 'query($id: ID!) { item(id: $id) { id } }', probe: () => ({ id: ids.registered }), write: () => ({ id: ids.registered }) },
  'query answerTemplates': { doc: '{ answerTemplates { id } }' },
  'subscription itemEvents': {
    doc: 'subscription { itemEvents { cursor type } }',
    trigger: () =>
      void t.emitLive('ITEM_EVENT', {
        municipalityId: ids.municipality!,
        itemId: ids.registered!,
        type: 'UPDATED',
        history: 'UPDATED',
        status: 'REGISTERED' as never,
        at: new Date().toISOString(),
        kind: 'APPEAL' as never,
        sectorId: null,
        departmentId: ids.housing!,
        executorId: null,
        settlementId: null,
        urgent: false,
      }),
  },
  'subscription alertRaised': {
    doc: 'subscription { alertRaised { cursor type level } }',
    trigger: () =>
      void t.emitLive('ALERT', {
        municipalityId: ids.municipality!,
        alertType: 'URGENT_ITEM',
        level: 'CRITICAL',
        message: 'Срочное',
        at: new Date().toISOString(),
        itemId: ids.registered!,
        kind: 'APPEAL' as never,
        sectorId: null,
        departmentId: ids.housing!,
        executorId: null,
      }),
  },
  // Both answer at once with the current figures.
  'subscription sectorUpdated': { doc: 'subscription { sectorUpdated { sectorId open } }' },
  'subscription kpiUpdated': { doc: 'subscription { kpiUpdated { today { received } } }' },
  'query settlementLoad': { doc: '{ settlementLoad { settlementId open overdue } }' },
  'query mapSettings': { doc: '{ mapSettings { tileUrl } }' },
  'query auditEvents': { doc: '{ auditEvents(first: 5) { id } }' },
  'mutation saveAnswerTemplate': {
    doc: 'mutation($c: String) { saveAnswerTemplate(input: { title: "Матрица", body: "Текст шаблона ответа для матрицы", categoryCode: $c }) { id } }',
    write: () => ({}),
    probe: () => ({ c: 'NOPE' }),
  },
  'mutation createItem': {
    doc: 'mutation($c: String) { createItem(input: { kind: MESSAGE, channel: PHONE, identified: false, text: "Матрица: проверка доступа", register: false, categoryCode: $c }) { id } }',
    write: () => ({}),
    probe: () => ({ c: 'NOPE' }),
  },
  'mutation ingestItems': {
    doc: 'mutation($x: String!, $t: String!) { ingestItems(items: [{ kind: MESSAGE, channel: POS, source: "matrix", externalId: $x, receivedAt: "2026-11-20T10:00:00+03:00", text: $t }]) { created rejected } }',
    write: () => ({ x: randomUUID(), t: 'Матрица: проверка доступа' }),
    // Passes the guard; the one input is rejected (too short a text), so nothing is written.
    probe: () => ({ x: randomUUID(), t: 'x' }),
  },
  'mutation updateIngestedItem': {
    doc: 'mutation($x: String!, $s: String) { updateIngestedItem(input: { source: "matrix-later", externalId: $x, at: "2026-11-20T09:00:00+03:00", sourceStatus: $s }) { changed } }',
    write: () => ({ x: 'later-1', s: `Статус ${randomUUID()}` }),
    // Passes the guard; no item has this pair, so nothing is written.
    probe: () => ({ x: randomUUID(), s: 'Статус' }),
  },
  'query itemQueueCounts': { doc: '{ itemQueueCounts { MINE } }' },
  'query classifyText': { doc: '{ classifyText(text: "Матрица: нет воды в доме") { categoryCode } }' },
  'query textModel': { doc: '{ textModel { version } }' },
  'query likelyDuplicates': { doc: '{ likelyDuplicates(text: "Матрица: нет воды в доме на улице Мира") { similarity } }' },
  'mutation retrainTextModel': {
    doc: 'mutation($only: Boolean!) { retrainTextModel(onlyIfNewExamples: $only) { version } }',
    write: () => ({ only: false }),
    // Passes the guard; no staff example came after the model, so nothing is trained.
    probe: () => ({ only: true }),
  },
  'query webhooks': { doc: '{ webhooks { id } }' },
  'query webhookDeliveries': { doc: 'query($w: ID!) { webhookDeliveries(webhookId: $w) { nodes { id } } }', probe: () => ({ w: NO_ID }), write: () => ({ w: ids.webhook }) },
  'mutation createWebhook': {
    doc: 'mutation($u: String!) { createWebhook(input: { url: $u, secret: "matrix-secret-0123456789", eventTypes: [CREATED] }) { id } }',
    write: () => ({ u: 'https://93.184.216.34/hook' }),
    // Passes the guard; a URL that is not http(s) is refused, so nothing is written.
    probe: () => ({ u: 'ftp://93.184.216.34/hook' }),
  },
  'mutation updateWebhook': { doc: 'mutation($id: ID!) { updateWebhook(id: $id, input: { description: "Матрица" }) { id } }', write: () => ({ id: ids.webhook }), probe: () => ({ id: NO_ID }) },
  'mutation deleteWebhook': { doc: 'mutation($id: ID!) { deleteWebhook(id: $id) }', write: () => ({ id: ids.webhook }), probe: () => ({ id: NO_ID }) },
  'mutation replayWebhookDelivery': { doc: 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }', write: () => ({ id: ids.webhookDelivery }), probe: () => ({ id: NO_ID }) },
  'mutation pingWebhook': { doc: 'mutation($w: ID!) { pingWebhook(webhookId: $w) { id } }', write: () => ({ w: ids.webhook }), probe: () => ({ w: NO_ID }) },
  'query importFile': { doc: 'query($id: ID!) { importFile(id: $id) { headers } }', probe: () => ({ id: NO_ID }), write: () => ({ id: NO_ID }) },
  'query importMappings': { doc: '{ importMappings { id } }' },
  'mutation saveImportMapping': {
    doc: 'mutation($f: ImportField!) { saveImportMapping(input: { name: "Матрица", source: "matrix", columns: [{ column: "Текст", field: TEXT }, { column: "Номер", field: $f }] }) { id } }',
    write: () => ({ f: 'EXTERNAL_ID' }),
    // Passes the guard; TEXT mapped twice is refused, so nothing is written.
    probe: () => ({ f: 'TEXT' }),
  },
  'mutation deleteImportMapping': { doc: 'mutation($id: ID!) { deleteImportMapping(id: $id) }', write: () => ({ id: ids.importMapping }), probe: () => ({ id: NO_ID }) },
  'mutation startImport': {
    doc: 'mutation($f: ID!) { startImport(input: { fileId: $f, source: "matrix", kind: MESSAGE, channel: PHONE, columns: [{ column: "Номер", field: EXTERNAL_ID }, { column: "Дата", field: RECEIVED_AT }, { column: "Текст", field: TEXT }] }) { id } }',
    write: () => ({ f: ids.importFile }),
    probe: () => ({ f: NO_ID }),
  },
  'query importJob': { doc: 'query($id: ID!) { importJob(id: $id) { id } }', probe: () => ({ id: ids.importJob }), write: () => ({ id: ids.importJob }) },
  'query importJobs': { doc: '{ importJobs { id } }' },
  'query importRowErrors': {
    doc: 'query($id: ID!) { importRowErrors(jobId: $id) { totalCount } }',
    probe: () => ({ id: ids.importJob }),
    write: () => ({ id: ids.importJob }),
  },
  // The job's id is known only once the beforeAll below has started one; the document is set there.
  'subscription importProgress': { doc: 'subscription { importProgress(jobId: "00000000-0000-0000-0000-000000000000") { id status } }' },
  'query kpis': { doc: '{ kpis(from: "2026-03-01T00:00:00+03:00", to: "2026-04-01T00:00:00+03:00") { received } }' },
  'query kpiSeries': { doc: '{ kpiSeries(from: "2026-03-01T00:00:00+03:00", to: "2026-04-01T00:00:00+03:00", bucket: MONTH) { from } }' },
  'query kpiRanking': { doc: '{ kpiRanking(by: DEPARTMENT, from: "2026-03-01T00:00:00+03:00", to: "2026-04-01T00:00:00+03:00") { key } }' },
  'query kpiTargets': { doc: '{ kpiTargets(includeSuperseded: true) { id } }' },
  'mutation setKpiTarget': {
    doc: 'mutation($v: Float!) { setKpiTarget(input: { figure: ON_TIME_SHARE, validFrom: "2026-01-01", value: $v }) { id } }',
    write: () => ({ v: 0.9 }),
    probe: () => ({ v: 1.5 }),
  },
  'query reports': { doc: '{ reports(first: 5) { id } }' },
  'mutation generateReport': {
    doc: 'mutation($p: String!) { generateReport(kind: MONTHLY, periodStart: $p) { id } }',
    write: () => ({ p: '2026-02-01' }),
    probe: () => ({ p: '2026-02-02' }),
  },
  'query problems': { doc: '{ problems { totalCount } }' },
  'query problem': { doc: 'query($id: ID!) { problem(id: $id) { id } }', probe: () => ({ id: ids.problem }), write: () => ({ id: ids.problem }) },
  'query problemProposals': { doc: '{ problemProposals { key } }' },
  'mutation confirmProposal': {
    doc: 'mutation($k: String!) { confirmProposal(input: { key: $k }) { id } }',
    write: () => ({ k: ids.proposal }),
    probe: () => ({ k: 'not-a-proposal' }),
  },
  'mutation rejectProposal': {
    doc: 'mutation($k: String!) { rejectProposal(input: { key: $k, reason: "Матрица: не проблема" }) { id } }',
    write: () => ({ k: ids.proposal }),
    probe: () => ({ k: 'not-a-proposal' }),
  },
  'mutation createProblem': {
    doc: 'mutation($c: String) { createProblem(input: { title: "Матрица: проблема", categoryCode: $c }) { id } }',
    write: () => ({ c: 'ZHKH_WATER' }),
    probe: () => ({ c: 'NOPE' }),
  },
  'mutation confirmProblem': { doc: 'mutation($id: ID!) { confirmProblem(id: $id) { id } }', write: () => ({ id: ids.proposedProblem }), probe: () => ({ id: NO_ID }) },
  'mutation rejectProblem': {
    doc: 'mutation($id: ID!) { rejectProblem(id: $id, reason: "Матрица: снять с перечня") { id } }',
    write: () => ({ id: ids.problem }),
    probe: () => ({ id: NO_ID }),
  },
  'mutation updateProblem': {
    doc: 'mutation($id: ID!) { updateProblem(id: $id, input: { title: "Изменено матрицей" }) { id } }',
    write: () => ({ id: ids.problem }),
    probe: () => ({ id: NO_ID }),
  },
  'mutation mergeProblems': {
    doc: 'mutation($t: ID!, $s: ID!) { mergeProblems(targetId: $t, sourceId: $s) { id } }',
    write: () => ({ t: ids.problem, s: ids.otherProblem }),
    probe: () => ({ t: NO_ID, s: ids.otherProblem }),
  },
  'mutation splitProblem': {
    doc: 'mutation($id: ID!, $i: [ID!]!) { splitProblem(id: $id, input: { itemIds: $i, title: "Матрица: часть" }) { id } }',
    write: () => ({ id: ids.problem, i: [ids.problemItem] }),
    probe: () => ({ id: NO_ID, i: [ids.problemItem] }),
  },
  'mutation linkProblemItems': {
    doc: 'mutation($id: ID!, $i: [ID!]!) { linkProblemItems(id: $id, itemIds: $i) { id } }',
    write: () => ({ id: ids.problem, i: [ids.registered] }),
    probe: () => ({ id: NO_ID, i: [ids.registered] }),
  },
  'mutation unlinkProblemItems': {
    doc: 'mutation($id: ID!, $i: [ID!]!) { unlinkProblemItems(id: $id, itemIds: $i) { id } }',
    write: () => ({ id: ids.problem, i: [ids.problemItem] }),
    probe: () => ({ id: NO_ID, i: [ids.problemItem] }),
  },
  'mutation addProblemMeasure': {
    doc: 'mutation($p: ID!) { addProblemMeasure(problemId: $p, input: { text: "Матрица: мероприятие", dueDate: "2026-03-20" }) { id } }',
    write: () => ({ p: ids.problem }),
    probe: () => ({ p: NO_ID }),
  },
  'mutation updateProblemMeasure': {
    doc: 'mutation($id: ID!) { updateProblemMeasure(id: $id, input: { status: DONE }) { id } }',
    write: () => ({ id: ids.measure }),
    probe: () => ({ id: NO_ID }),
  },
  'mutation approveProblemPlan': { doc: 'mutation($id: ID!) { approveProblemPlan(id: $id) { id } }', write: () => ({ id: ids.problem }), probe: () => ({ id: NO_ID }) },
  'mutation addProblemReport': {
    doc: 'mutation($p: ID!) { addProblemReport(problemId: $p, text: "Матрица: отчёт о ходе работ") { id } }',
    write: () => ({ p: ids.problem }),
    probe: () => ({ p: NO_ID }),
  },
  'mutation solveProblem': {
    doc: 'mutation($id: ID!) { solveProblem(id: $id, answerText: "Матрица: проблема решена, работы выполнены.", outcome: SUPPORTED_MEASURES_TAKEN) { problem { id } } }',
    write: () => ({ id: ids.problem }),
    probe: () => ({ id: NO_ID }),
  },
  'mutation registerItem': lifecycle('mutation($id: ID!, $version: Int!) { registerItem(id: $id, version: $version) { id } }', 'new'),
  'mutation assignItem': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: AssignInput!) { assignItem(id: $id, version: $version, input: $input) { id } }',
    'registered',
    { departmentId: '' },
  ),
  'mutation startItem': lifecycle('mutation($id: ID!, $version: Int!) { startItem(id: $id, version: $version) { id } }', 'assigned'),
  'mutation askCitizen': lifecycle('mutation($id: ID!, $version: Int!) { askCitizen(id: $id, version: $version, comment: "Уточните адрес") { id } }', 'inProgress'),
  'mutation citizenReplied': lifecycle('mutation($id: ID!, $version: Int!) { citizenReplied(id: $id, version: $version) { id } }', 'waiting'),
  'mutation submitAnswer': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: AnswerInput!) { submitAnswer(id: $id, version: $version, input: $input) { id } }',
    'inProgress',
    { text: 'Ответ по существу: работы выполнены 01.03.2026.' },
  ),
  'mutation publishInterimAnswer': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: AnswerInput!) { publishInterimAnswer(id: $id, version: $version, input: $input) { id } }',
    'incident',
    { text: 'Информация принята в работу.' },
  ),
  'mutation returnForRework': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: ReturnInput!) { returnForRework(id: $id, version: $version, input: $input) { id } }',
    'onReview',
    { reasons: ['NO_EVIDENCE'] },
  ),
  'mutation approveAnswer': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: ApproveInput!) { approveAnswer(id: $id, version: $version, input: $input) { id } }',
    'onReview',
    { outcome: 'SUPPORTED' },
  ),
  'mutation rateItem': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: RatingInput!) { rateItem(id: $id, version: $version, input: $input) { id } }',
    'answered',
    { satisfied: true },
  ),
  'mutation closeItem': lifecycle('mutation($id: ID!, $version: Int!) { closeItem(id: $id, version: $version) { id } }', 'answered'),
  'mutation extendItem': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: ExtendInput!) { extendItem(id: $id, version: $version, input: $input) { id } }',
    'inProgress',
    { days: 30, reason: 'Нужен выезд комиссии' },
  ),
  'mutation redirectItem': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: RedirectInput!) { redirectItem(id: $id, version: $version, input: $input) { id } }',
    'registered',
    { to: 'Прокуратура района' },
  ),
  'mutation leaveWithoutAnswer': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: LeaveInput!) { leaveWithoutAnswer(id: $id, version: $version, input: $input) { id } }',
    'registered',
    { reason: 'UNREADABLE' },
  ),
  'mutation classifyItem': lifecycle(
    'mutation($id: ID!, $version: Int!, $input: ClassifyInput!) { classifyItem(id: $id, version: $version, input: $input) { id } }',
    'registered',
    { categoryCode: 'ZHKH_WATER', urgent: false },
  ),
  'mutation mergeItem': {
    doc: 'mutation($id: ID!, $version: Int!, $parentId: ID!) { mergeItem(id: $id, version: $version, parentId: $parentId) { id } }',
    write: () => ({ ...item('registered'), parentId: ids.inProgress }),
    probe: () => ({ id: NO_ID, version: 1, parentId: ids.inProgress }),
  },
  'mutation attachFiles': {
    doc: 'mutation($id: ID!, $version: Int!, $a: [ID!]!) { attachFiles(id: $id, version: $version, attachmentIds: $a) { id } }',
    write: () => ({ ...item('registered'), a: [ids.attachment] }),
    probe: () => ({ id: NO_ID, version: 1, a: [ids.attachment] }),
  },
};

/** A digest of everything a write could change (sessions' last-seen and tokens' last-used times aside). */
async function fingerprint(): Promise<string> {
  const tables = [
    'item', 'item_event', 'item_answer', 'attachment', 'notification', 'department', 'category', 'sector', 'calendar_year',
    'answer_template', 'personal_data_access', 'item_counter', 'kpi_target', 'problem', 'problem_item', 'problem_measure', 'problem_report',
    'import_file', 'import_mapping', 'import_job',
    'webhook', 'webhook_delivery',
  ];
  const parts = tables.map((name) => `select '${name}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${name} x`);
  parts.push(`select 'app_user', md5(coalesce(string_agg(concat_ws(',', id, username, full_name, roles::text, active, password_hash, locale, department_id), '|' order by id), '')) from app_user`);
  parts.push(`select 'user_session', md5(coalesce(string_agg(concat_ws(',', id, revoked_at), '|' order by id), '')) from user_session`);
  parts.push(`select 'api_token', md5(coalesce(string_agg(concat_ws(',', id, name, scopes::text, revoked_at), '|' order by id), '')) from api_token`);
  const rows: { t: string; h: string }[] = await t.orm.em.fork().getConnection().execute(parts.join(' union all '));
  return rows.map((r) => `${r.t}:${r.h}`).sort().join(' ');
}

const USERNAMES: Record<string, string> = {
  CURATOR: 'curator', HEAD: 'head', SECTOR_LEAD: 'sector_lead', INCIDENT_MANAGER: 'incident_manager',
  POS_OPERATOR: 'pos_operator', EXECUTOR: 'executor', ANALYST: 'analyst', REGION: 'region',
};

async function gqlAs(p: Principal, f: Fixture, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  const token = f.freshSession && 'role' in p ? await t.signInAs(USERNAMES[p.role]!) : creds.get(principalName(p))?.token;
  return t.gql(f.doc, variables, token ?? undefined);
}

/** A subscription's first answer: an error (refused), or an event (allowed) that `trigger` makes it hear. */
async function subscribeAs(p: Principal, f: Fixture): Promise<GqlResult> {
  const token = creds.get(principalName(p))?.token;
  const client = createClient({
    url: t.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  clients.push(client);
  const iterator = client.iterate({ query: f.doc });
  let answer: GqlResult | undefined;
  void iterator.next().then((r) => (answer = r.value as GqlResult), (e: unknown) => (answer = { errors: [{ message: String(e) }] }));
  await vi.waitFor(
    () => {
      if (answer) return;
      f.trigger?.(p);
      throw new Error('no answer yet');
    },
    { timeout: 10_000, interval: 25 },
  );
  await iterator.return?.();
  await client.dispose();
  return answer!;
}

const refusedCode = (p: Principal) => ('anonymous' in p ? 'UNAUTHENTICATED' : 'FORBIDDEN');
/** What an allowed cell may still answer: the probe's own failure after the guard (an unknown id, a bad input). */
const AFTER_GUARD = ['NOT_FOUND', 'BAD_USER_INPUT', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS'];

async function walk(kind: string, channel: string, category: string, steps: string[]): Promise<{ id: string; version: number }> {
  const head = creds.get('HEAD')!.token!;
  const created = await t.gql<{ createItem: { id: string; version: number } }>(
    `mutation($i: ItemInput!) { createItem(input: $i) { id version } }`,
    {
      i: {
        kind, channel, identified: true, categoryCode: category, register: steps[0] !== 'new',
        text: 'Проверка доступа: протекает крыша над подъездом', applicant: { name: 'Иванов Иван Иванович', phone: '+7 900 000-00-00', email: 'ivanov@example.ru', address: 'г. Суровикино, ул. Ленина, д. 1, кв. 2' },
      },
    },
    head,
  );
  expect(created.errors).toBeUndefined();
  let { id, version } = created.data!.createItem;
  const act = async (doc: string, vars: Record<string, unknown> = {}) => {
    const r = await t.gql<Record<string, { version: number }>>(doc, { id, version, ...vars }, head);
    expect(r.errors, doc).toBeUndefined();
    version = Object.values(r.data!)[0]!.version;
  };
  for (const step of steps) {
    if (step === 'assign') await act('mutation($id: ID!, $version: Int!, $d: ID!) { assignItem(id: $id, version: $version, input: { departmentId: $d }) { version } }', { d: ids.housing });
    if (step === 'start') await act('mutation($id: ID!, $version: Int!) { startItem(id: $id, version: $version) { version } }');
    if (step === 'ask') await act('mutation($id: ID!, $version: Int!) { askCitizen(id: $id, version: $version, comment: "Уточните") { version } }');
    if (step === 'submit') await act('mutation($id: ID!, $version: Int!) { submitAnswer(id: $id, version: $version, input: { text: "Крышу отремонтировали 01.03.2026, фото приложено." }) { version } }');
    if (step === 'approve') await act('mutation($id: ID!, $version: Int!) { approveAnswer(id: $id, version: $version, input: { outcome: SUPPORTED_MEASURES_TAKEN }) { version } }');
  }
  return { id, version };
}

beforeAll(async () => {
  t = await startTestApp();
  for (const [role, username] of Object.entries(USERNAMES)) {
    const token = await t.signInAs(username);
    const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, token);
    creds.set(role, { token, userId: me.data!.me.id });
  }
  creds.set('anonymous', { token: null });
  const head = creds.get('HEAD')!.token!;
  for (const scope of ['ORG_READ', 'ITEMS_INGEST', 'ITEMS_READ', 'PERSONAL_DATA_READ', 'KPI_READ', 'WALL_READ', 'WEBHOOKS']) {
    const r = await t.gql<{ createApiToken: { token: string } }>(
      'mutation($n: String!, $k: TokenKind!, $s: Scope!) { createApiToken(input: { name: $n, kind: $k, scopes: [$s] }) { token } }',
      { n: `matrix ${scope}`, k: scope === 'WALL_READ' ? 'WALL_DISPLAY' : 'INTEGRATOR', s: scope },
      head,
    );
    expect(r.errors).toBeUndefined();
    creds.set(`token:${scope}`, { token: r.data!.createApiToken.token });
  }
  const spare = await t.gql<{ createApiToken: { apiToken: { id: string } } }>(
    'mutation { createApiToken(input: { name: "spare", kind: INTEGRATOR, scopes: [ORG_READ] }) { apiToken { id } } }',
    {},
    head,
  );
  ids.spareToken = spare.data!.createApiToken.apiToken.id;
  const org = await t.gql<{
    me: { municipality: { id: string } };
    departments: { id: string; code: string }[];
    categories: { id: string; code: string }[];
    sectors: { id: string; code: string }[];
    users: { id: string; username: string }[];
    settlements: { id: string }[];
  }>('{ me { municipality { id } } departments { id code } categories { id code } sectors { id code } users { id username } settlements { id } }', {}, head);
  ids.municipality = org.data!.me.municipality.id;
  ids.housing = org.data!.departments.find((d) => d.code === 'housing')!.id;
  ids.category = org.data!.categories.find((c) => c.code === 'ZHKH_WATER')!.id;
  ids.sector = org.data!.sectors.find((s) => s.code === 'ZHKH')!.id;
  ids.settlement = org.data!.settlements[0]!.id;
  ids.analystUser = org.data!.users.find((u) => u.username === 'analyst')!.id;
  FIXTURES['mutation assignItem'] = lifecycle(FIXTURES['mutation assignItem']!.doc, 'registered', { departmentId: ids.housing });

  const items: Record<string, [string, string, string, string[]]> = {
    new: ['APPEAL', 'LETTER', 'ZHKH_WATER', ['new']],
    registered: ['APPEAL', 'LETTER', 'ZHKH_WATER', []],
    assigned: ['APPEAL', 'LETTER', 'ZHKH_WATER', ['assign']],
    inProgress: ['APPEAL', 'LETTER', 'ZHKH_WATER', ['assign', 'start']],
    waiting: ['MESSAGE', 'PHONE', 'ZHKH_WATER', ['assign', 'start', 'ask']],
    incident: ['INCIDENT', 'SOCIAL_VK', 'ZHKH_WATER', ['assign', 'start']],
    onReview: ['APPEAL', 'LETTER', 'ZHKH_WATER', ['assign', 'start', 'submit']],
    answered: ['APPEAL', 'LETTER', 'ZHKH_WATER', ['assign', 'start', 'submit', 'approve']],
  };
  for (const [name, [kind, channel, category, steps]] of Object.entries(items)) {
    const r = await walk(kind, channel, category, steps);
    ids[name] = r.id;
    versions[name] = r.version;
  }
  // An item from another system, sent by the ingesting token, for the source's later updates (`updateIngestedItem`):
  // a token bound to no source carries updates only to the items it sent.
  const later = await t.gql(
    'mutation { createItem(input: { kind: MESSAGE, channel: POS, identified: false, text: "Матрица: из другой системы", register: false, source: "matrix-later", externalId: "later-1" }) { id } }',
    {},
    creds.get('token:ITEMS_INGEST')!.token!,
  );
  expect(later.errors).toBeUndefined();
  const upload = await fetch(`${t.url}/files?name=act.txt`, {
    method: 'POST',
    headers: { authorization: `Bearer ${head}`, 'content-type': 'text/plain', 'x-otklik-upload': '1' },
    body: 'акт осмотра',
  });
  ids.attachment = ((await upload.json()) as { id: string }).id;
}, 120_000);

/** Recurring problems to write on: a proposal (three items recur), problems on the list, a measure (docs/problems.md). */
beforeAll(async () => {
  const head = creds.get('HEAD')!.token!;
  const run = async <T>(doc: string, vars: Record<string, unknown> = {}): Promise<T> => {
    const r = await t.gql<Record<string, T>>(doc, vars, head);
    expect(r.errors, doc).toBeUndefined();
    return Object.values(r.data!)[0]!;
  };
  const settlement = (await run<{ id: string }[]>('{ settlements { id } }'))[0]!.id;
  const item = (i: Record<string, unknown>) =>
    run<{ id: string }>('mutation($i: ItemInput!) { createItem(input: $i) { id } }', {
      i: { kind: 'MESSAGE', channel: 'PHONE', identified: false, categoryCode: 'ZHKH_WATER', text: 'Матрица: нет воды', ...i },
    });
  for (const n of [1, 2, 3]) await item({ settlementId: settlement, address: `ул. Матричная, д. ${n}` });
  ids.proposal = (await run<{ key: string }[]>('{ problemProposals { key } }'))[0]!.key;
  ids.problemItem = (await item({})).id;
  const problem = (itemIds: string[]) =>
    run<{ id: string }>('mutation($i: [ID!]) { createProblem(input: { title: "Матрица: проблема", categoryCode: "ZHKH_WATER", itemIds: $i }) { id } }', { i: itemIds });
  ids.problem = (await problem([ids.problemItem])).id;
  ids.otherProblem = (await problem([])).id;
  ids.proposedProblem = (await problem([])).id;
  for (const id of [ids.problem, ids.otherProblem]) await run('mutation($id: ID!) { confirmProblem(id: $id) { id } }', { id });
  ids.measure = (await run<{ id: string }>('mutation($p: ID!) { addProblemMeasure(problemId: $p, input: { text: "Матрица: промыть сети", dueDate: "2026-03-20" }) { id } }', { p: ids.problem })).id;
});

/** A file uploaded for import, a job of it (queued: no scheduler runs here) and a saved mapping. */
beforeAll(async () => {
  const head = creds.get('HEAD')!.token!;
  const upload = await fetch(`${t.url}/imports?name=matrix.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${head}`, 'content-type': 'text/csv', 'x-otklik-upload': '1' },
    body: 'Номер;Дата;Текст\r\nM-1;01.11.2026 10:00;Матрица: не вывозят мусор\r\n',
  });
  expect(upload.status).toBe(201);
  ids.importFile = ((await upload.json()) as { id: string }).id;
  const started = await t.gql<{ startImport: { id: string } }>(FIXTURES['mutation startImport']!.doc, { f: ids.importFile }, head);
  expect(started.errors).toBeUndefined();
  ids.importJob = started.data!.startImport.id;
  FIXTURES['subscription importProgress'] = { doc: `subscription { importProgress(jobId: "${ids.importJob}") { id status } }` };
  const mapping = await t.gql<{ saveImportMapping: { id: string } }>(
    'mutation { saveImportMapping(input: { name: "Удалить", source: "matrix", columns: [{ column: "Текст", field: TEXT }] }) { id } }',
    {},
    head,
  );
  expect(mapping.errors).toBeUndefined();
  ids.importMapping = mapping.data!.saveImportMapping.id;
});

/** A webhook of the head's (no scheduler runs here, so nothing is sent) and a delivery of it, a ping. */
beforeAll(async () => {
  const head = creds.get('HEAD')!.token!;
  const hook = await t.gql<{ createWebhook: { id: string } }>(
    'mutation { createWebhook(input: { url: "https://93.184.216.34/matrix", secret: "matrix-secret-0123456789", eventTypes: [CREATED] }) { id } }',
    {},
    head,
  );
  expect(hook.errors).toBeUndefined();
  ids.webhook = hook.data!.createWebhook.id;
  const ping = await t.gql<{ pingWebhook: { id: string } }>('mutation($w: ID!) { pingWebhook(webhookId: $w) { id } }', { w: ids.webhook }, head);
  expect(ping.errors).toBeUndefined();
  ids.webhookDelivery = ping.data!.pingWebhook.id;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await t?.stop();
});

describe('every cell against the real server', () => {
  it.each(Object.keys(FIXTURES))('%s: allowed cells pass the guard, refused ones get the refusal code and change nothing', async (name) => {
    const f = FIXTURES[name]!;
    const expected = EXPECTED[name]!;
    const [kind] = name.split(' ');
    const refused = ALL_PRINCIPALS.filter((p) => !expected.has(principalName(p)));
    const allowed = ALL_PRINCIPALS.filter((p) => expected.has(principalName(p)));
    const wrong: string[] = [];

    const before = kind === 'mutation' ? await fingerprint() : '';
    for (const p of refused) {
      const r = kind === 'subscription' ? await subscribeAs(p, f) : await gqlAs(p, f, (f.write ?? f.probe)?.() ?? {});
      if (codeOf(r) !== refusedCode(p) || (r.data && Object.values(r.data).some((v) => v !== null))) {
        wrong.push(`${principalName(p)} expected ${refusedCode(p)}, got ${codeOf(r) ?? 'no error'}`);
      }
    }
    if (kind === 'mutation') expect(await fingerprint(), `${name}: a refused write changed the database`).toBe(before);

    for (const p of allowed) {
      const r = kind === 'subscription' ? await subscribeAs(p, f) : await gqlAs(p, f, (f.probe ?? f.write)?.() ?? {});
      const code = codeOf(r);
      if (code !== undefined && !AFTER_GUARD.includes(code)) wrong.push(`${principalName(p)} expected to pass the guard, got ${code}: ${r.errors?.[0]?.message}`);
      if (kind === 'subscription' && r.errors) wrong.push(`${principalName(p)} heard no event: ${r.errors[0]?.message}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('every personal-data field of an item, for every role and token, over GraphQL', () => {
  type Case = { name: string; kind: string; channel: string; category: string; department: string | null; leadsSector: boolean };
  // The seeded sector lead leads ЖКХ and roads; the seeded executor works in the housing department.
  const cases: Case[] = [
    { name: 'an appeal of a led sector, in the executor’s department', kind: 'APPEAL', channel: 'LETTER', category: 'ZHKH_WATER', department: 'housing', leadsSector: true },
    { name: 'an appeal of a led sector, in another department', kind: 'APPEAL', channel: 'LETTER', category: 'ROADS_REPAIR', department: 'roads', leadsSector: true },
    { name: 'a message of another sector and department', kind: 'MESSAGE', channel: 'PHONE', category: 'EDU_SCHOOL', department: 'education', leadsSector: false },
    { name: 'an unassigned incident of another sector', kind: 'INCIDENT', channel: 'SOCIAL_VK', category: 'EDU_SCHOOL', department: null, leadsSector: false },
  ];
  const APPLICANT = { name: 'Петрова Анна Сергеевна', phone: '+7 917 111-22-33', email: 'petrova@example.ru', address: 'г. Суровикино, ул. Ленина, д. 5, кв. 7' };
  const MASKED = { name: 'П***а А.', phone: null, email: null, address: 'г. Суровикино, ул. Ленина' };

  /** docs/domain.md §4: an executor reads their department's items; the rest of the staff read all; tokens with ITEMS_READ. */
  const reachesCase = (p: string, c: Case) => (p === 'EXECUTOR' ? c.department === 'housing' : ROLES.includes(p) || p.startsWith('token:ITEMS_READ'));
  /** docs/domain.md §6: only the roles that work the item see it in full; a token needs the personal-data scope. */
  const fullFor = (p: string, c: Case) =>
    reachesCase(p, c) &&
    (p === 'HEAD' ||
      (p === 'SECTOR_LEAD' && c.leadsSector) ||
      (p === 'POS_OPERATOR' && c.kind === 'MESSAGE') ||
      (p === 'INCIDENT_MANAGER' && c.kind === 'INCIDENT') ||
      (p === 'EXECUTOR' && c.department === 'housing') ||
      p === 'token:ITEMS_READ+PERSONAL_DATA_READ');

  const itemIds = new Map<string, string>();
  beforeAll(async () => {
    const head = creds.get('HEAD')!.token!;
    const r = await t.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "matrix pd", kind: INTEGRATOR, scopes: [ITEMS_READ, PERSONAL_DATA_READ] }) { token } }',
      {},
      head,
    );
    creds.set('token:ITEMS_READ+PERSONAL_DATA_READ', { token: r.data!.createApiToken.token });
    const deps = await t.gql<{ departments: { id: string; code: string }[] }>('{ departments { id code } }', {}, head);
    for (const c of cases) {
      const created = await t.gql<{ createItem: { id: string; version: number } }>(
        'mutation($i: ItemInput!) { createItem(input: $i) { id version } }',
        { i: { kind: c.kind, channel: c.channel, identified: true, categoryCode: c.category, text: `Проверка: ${c.name}`, applicant: APPLICANT } },
        head,
      );
      expect(created.errors).toBeUndefined();
      const { id, version } = created.data!.createItem;
      if (c.department) {
        const d = deps.data!.departments.find((x) => x.code === c.department)!.id;
        const a = await t.gql('mutation($id: ID!, $v: Int!, $d: ID!) { assignItem(id: $id, version: $v, input: { departmentId: $d }) { id } }', { id, v: version, d }, head);
        expect(a.errors).toBeUndefined();
      }
      itemIds.set(c.name, id);
      // A scan of the applicant's letter, attached to the item.
      const upload = await fetch(`${t.url}/files?name=letter.txt`, {
        method: 'POST',
        headers: { authorization: `Bearer ${head}`, 'content-type': 'text/plain', 'x-otklik-upload': '1' },
        body: `Письмо: ${APPLICANT.name}, ${APPLICANT.address}`,
      });
      const file = ((await upload.json()) as { id: string }).id;
      const v = await t.gql<{ item: { version: number } }>('query($id: ID!) { item(id: $id) { version } }', { id }, head);
      const attached = await t.gql('mutation($id: ID!, $v: Int!, $a: [ID!]!) { attachFiles(id: $id, version: $v, attachmentIds: $a) { id } }', { id, v: v.data!.item.version, a: [file] }, head);
      expect(attached.errors).toBeUndefined();
      fileIds.set(c.name, file);
    }
  });

  const fileIds = new Map<string, string>();
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: its attachment downloads (logged) for exactly those who see the applicant in full; masked viewers get 403, others 404',
    async (_n, c) => {
      const file = fileIds.get(c.name)!;
      const wrong: string[] = [];
      for (const p of principals) {
        const count = async () =>
          ((await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from personal_data_access where action = 'DOWNLOAD' and item_id = ?`, [itemIds.get(c.name)])) as { n: number }[])[0]!.n;
        const before = await count();
        const res = await fetch(`${t.url}/files/${file}`, { headers: { authorization: `Bearer ${creds.get(p)!.token!}` } });
        const body = await res.text();
        const expected = fullFor(p, c) ? 200 : p === 'token:PERSONAL_DATA_READ' ? 403 : reachesCase(p, c) ? 403 : 404;
        if (res.status !== expected) wrong.push(`${p}: expected ${expected}, got ${res.status}`);
        if (res.status === 200 && !body.includes(APPLICANT.name)) wrong.push(`${p}: wrong bytes`);
        if (res.status !== 200 && body.includes(APPLICANT.name)) wrong.push(`${p}: bytes leaked with ${res.status}`);
        if ((await count()) - before !== (res.status === 200 ? 1 : 0)) wrong.push(`${p}: access log not written exactly once per download`);
      }
      expect(wrong).toEqual([]);
    },
  );

  const principals = [...ROLES, 'token:ITEMS_READ', 'token:ITEMS_READ+PERSONAL_DATA_READ', 'token:PERSONAL_DATA_READ'];
  it.each(cases.map((c) => [c.name, c] as const))('%s: each viewer reaches it or not, sees its applicant in full or masked, and each full view is logged', async (_n, c) => {
    const id = itemIds.get(c.name)!;
    const wrong: string[] = [];
    for (const p of principals) {
      const logged = async () =>
        ((await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from personal_data_access where item_id = ?`, [id])) as { n: number }[])[0]!.n;
      const before = await logged();
      const r = await t.gql<{ item: { applicant: Record<string, unknown> } }>(
        'query($id: ID!) { item(id: $id) { applicant { name phone email address masked } } }',
        { id },
        creds.get(p)!.token!,
      );
      const after = await logged();
      if (!reachesCase(p, c)) {
        const code = codeOf(r);
        const expectedCode = p === 'token:PERSONAL_DATA_READ' ? 'FORBIDDEN' : 'NOT_FOUND';
        if (code !== expectedCode) wrong.push(`${p}: expected ${expectedCode}, got ${code ?? JSON.stringify(r.data)}`);
        continue;
      }
      const full = fullFor(p, c);
      const expected = full ? { ...APPLICANT, masked: false } : { ...MASKED, masked: true };
      if (JSON.stringify(r.data?.item.applicant) !== JSON.stringify(expected)) wrong.push(`${p}: got ${JSON.stringify(r.data?.item.applicant ?? r.errors)}`);
      if (after - before !== (full ? 1 : 0)) wrong.push(`${p}: ${after - before} access-log rows for a ${full ? 'full' : 'masked'} view`);
    }
    expect(wrong).toEqual([]);
  });
});
