import { randomUUID } from 'node:crypto';
import type { Category, Department, MunicipalityOrg, Settlement, User } from './org.js';

/**
 * The rows of generated items, one item at a time, as COPY text lines (tab-separated, `\N` for null). An item lives
 * a simplified version of the real lifecycle (db/seed/demo-items.ts): received, registered, assigned, started,
 * answered (some returned for rework first), approved, rated or closed automatically, or redirected, merged into an
 * earlier item, left without an answer; the open ones stop at some step. Deadlines are counted in calendar days, not
 * on the working calendar: what matters here is where they fall around "now", not the exact minute.
 */

/** A small seeded generator (mulberry32): the same data on every machine for the same size. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
  };
}
type Rng = ReturnType<typeof prng>;

function weighted<T>(xs: readonly (readonly [T, number])[]): (r: Rng) => T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  const cumulative = xs.map(([x], i) => [x, xs.slice(0, i + 1).reduce((s, [, w]) => s + w, 0) / total] as const);
  return (r) => {
    const v = r.next();
    for (const [x, c] of cumulative) if (v <= c) return x;
    return cumulative[cumulative.length - 1]![0];
  };
}

// ---------------------------------------------------------------------------------------------------------------
// COPY text format

export const COLUMNS = {
  item: [
    'id', 'created_at', 'updated_at', 'municipality_id', 'number', 'kind', 'channel', 'source', 'external_id', 'identified',
    'applicant_name', 'applicant_phone', 'applicant_email', 'applicant_address', 'subject', 'text', 'address', 'settlement_id',
    'lat', 'lon', 'category_id', 'sector_id', 'department_id', 'executor_id', 'urgent', 'status', 'received_at', 'registered_at',
    'registration_due_at', 'redirect_due_at', 'answer_due_at', 'first_reaction_due_at', 'final_answer_due_at', 'review_due_at',
    'due_at', 'due_soon_at', 'clock_started_at', 'due_soon_notified_for', 'overdue_notified_for', 'review_overdue_notified_for',
    'paused_at', 'extended_at', 'extension_reason', 'first_reaction_at', 'answered_at', 'closed_at', 'redirected_to',
    'no_answer_reason', 'outcome', 'satisfied', 'rating_comment', 'rated_at', 'reopen_count', 'rework_count', 'parent_id',
    'version', 'answer_working_days', 'first_reaction_working_hours',
  ],
  item_event: ['id', 'created_at', 'updated_at', 'municipality_id', 'item_id', 'at', 'actor_id', 'actor_label', 'type', 'from_status', 'to_status', 'comment', 'changes', 'details'],
  item_answer: ['id', 'created_at', 'updated_at', 'municipality_id', 'item_id', 'kind', 'status', 'text', 'author_id', 'submitted_at', 'reviewer_id', 'reviewed_at', 'rework_reasons', 'review_comment'],
  attachment: ['id', 'created_at', 'updated_at', 'municipality_id', 'item_id', 'file_name', 'mime_type', 'size', 'sha256', 'storage_key', 'uploaded_by_id'],
} as const;
export type Table = keyof typeof COLUMNS;

type Value = string | number | boolean | Date | null | undefined;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format. Hot: called for every column of a million rows, so no regexp replace unless needed. */
function field(v: Value): string {
  if (v === null || v === undefined) return '\\N';
  switch (typeof v) {
    case 'string':
      return NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 't' : 'f';
    default:
      return v.toISOString();
  }
}
const line = (values: Value[]) => values.map(field).join('\t') + '\n';

// ---------------------------------------------------------------------------------------------------------------
// What people write

const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Попов', 'Васильев', 'Смирнов', 'Морозов', 'Волков', 'Соколов', 'Лебедев', 'Козлов', 'Новиков', 'Фёдоров', 'Павлов', 'Семёнов', 'Голубев', 'Виноградов', 'Богданов', 'Воробьёв'];
const MALE = ['Александр', 'Сергей', 'Владимир', 'Андрей', 'Алексей', 'Николай', 'Дмитрий', 'Иван', 'Михаил', 'Юрий', 'Виктор', 'Пётр'];
const FEMALE = ['Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Людмила', 'Галина', 'Анна', 'Мария', 'Валентина', 'Нина'];
const PATRONYMIC_M = ['Александрович', 'Сергеевич', 'Иванович', 'Николаевич', 'Петрович', 'Викторович', 'Юрьевич'];
const PATRONYMIC_F = ['Александровна', 'Сергеевна', 'Ивановна', 'Николаевна', 'Петровна', 'Викторовна', 'Юрьевна'];
const OPENINGS = [
  'Прошу разобраться: {what} по адресу {addr}.',
  'Уже неделю проблема — {what}, {addr}. Просим принять меры.',
  'Обращаюсь повторно: {what} ({addr}), ответа так и не получил.',
  'Жители дома {addr} просят решить вопрос: {what}.',
  '{what} — {addr}. Прошу сообщить сроки устранения.',
];
const ANSWERS = [
  'Работы выполнены, проблема устранена. Результат проверен на месте специалистом.',
  'По вашему обращению проведено обследование; работы включены в план и будут выполнены до конца месяца.',
  'Даны разъяснения по порядку решения вопроса; вы можете обратиться в отдел лично в приёмные часы.',
  'Вопрос решён: подрядчик выполнил работы, акт приёмки подписан.',
];
const FILES: readonly (readonly [string, string])[] = [['фото.jpg', 'image/jpeg'], ['акт.pdf', 'application/pdf'], ['схема.png', 'image/png'], ['заявление.pdf', 'application/pdf']];
const REDIRECT_TO = ['Прокуратура района', 'Комитет ЖКХ области', 'ОМВД России по району'];
const REWORK = ['FORMAL_NOT_ON_MERITS', 'NO_DATE_OR_MEASURES', 'NO_EVIDENCE', 'LAWS_NOT_EXPLAINED', 'CONTRADICTORY'];
const UNSATISFIED = ['Проблема не решена', 'Ответ формальный', 'Работы выполнены некачественно'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const kindOf = weighted([['MESSAGE', 5], ['APPEAL', 3], ['INCIDENT', 2]] as const);
const channelOf = {
  APPEAL: weighted([['LETTER', 3], ['WALK_IN', 2], ['EPGU', 4], ['WEB_FORM', 1]] as const),
  MESSAGE: weighted([['POS', 5], ['PHONE', 3], ['EMAIL', 2], ['MESSENGER', 1]] as const),
  INCIDENT: weighted([['SOCIAL_VK', 5], ['SOCIAL_OK', 2], ['SOCIAL_TELEGRAM', 3]] as const),
};
type Kind = 'APPEAL' | 'MESSAGE' | 'INCIDENT';
/** Where an open item stopped. */
const openStatusOf = weighted([
  ['NEW', 6], ['REGISTERED', 10], ['ASSIGNED', 18], ['IN_PROGRESS', 32], ['WAITING_CITIZEN', 5], ['ON_REVIEW', 12], ['ANSWERED', 12], ['REOPENED', 5],
] as const);
type OpenStatus = ReturnType<typeof openStatusOf>;
const outcomeOf = weighted([['SUPPORTED_MEASURES_TAKEN', 4], ['SUPPORTED', 2], ['EXPLAINED', 4], ['NOT_SUPPORTED', 1]] as const);

/**
 * How likely an item is still open, by its age: most of the last two weeks, a third of the month before, and a
 * few stuck ones older than that (overdue). Over a year that is about 7 % open.
 */
function openChance(ageDays: number): number {
  return ageDays < 14 ? 0.8 : ageDays < 45 ? 0.35 : 0.012;
}

type Place = { text: string };
function placeIn(s: Settlement, r: Rng): Place {
  const loc = s.locality;
  const prefix = loc ? (loc.kind === 'город' ? 'г.' : loc.kind === 'хутор' ? 'х.' : loc.kind === 'станица' ? 'ст.' : 'п.') : '';
  const street = s.streets.length ? r.pick(s.streets) : null;
  return { text: [loc ? `${prefix} ${loc.name}` : s.name, street, street ? String(1 + Math.floor(r.next() * 80)) : null].filter(Boolean).join(', ') };
}

/** The per-municipality things the generator looks up for every item. */
export type Context = {
  org: MunicipalityOrg;
  pickCategory: (r: Rng) => Category;
  pickSettlement: (r: Rng) => Settlement;
  /** Chance that an item of an urgent-capable category is urgent, so that ~5 % of all items are */
  urgentChance: number;
  head: User;
  pos: User;
  im: User;
  executors: Map<string, User[]>;
  /** UTC offset of the municipality, for the year of a registration number (no daylight saving in Russia) */
  offsetMs: number;
  /** year → last number given */
  counters: Map<number, number>;
  /** Recent items that others may be merged into */
  recentParents: string[];
};

function offsetOf(timezone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(at.getTime() / 60_000) * 60_000;
}

export function contextFor(org: MunicipalityOrg, now: Date): Context {
  const weightOf = (c: Category) => (c.sectorCode === 'ZHKH' ? 6 : c.sectorCode === 'ROADS' ? 4 : c.sectorCode === 'LANDSCAPING' ? 3 : 1);
  const total = org.categories.reduce((s, c) => s + weightOf(c), 0);
  const urgentShare = org.categories.filter((c) => c.urgentCapable).reduce((s, c) => s + weightOf(c), 0) / total;
  const byRole = (role: string) => {
    const u = org.users.find((x) => x.roles.includes(role));
    if (!u) throw new Error(`municipality ${org.code} has no ${role} account (the demo district has one of each role)`);
    return u;
  };
  const executors = new Map<string, User[]>();
  for (const u of org.users) {
    if (u.roles.includes('EXECUTOR') && u.departmentId) executors.set(u.departmentId, [...(executors.get(u.departmentId) ?? []), u]);
  }
  if (!org.categories.length || !org.settlements.length || !org.departments.length) throw new Error(`municipality ${org.code} has no categories, settlements or departments`);
  return {
    org,
    pickCategory: weighted(org.categories.map((c) => [c, weightOf(c)] as const)),
    pickSettlement: weighted(org.settlements.map((s) => [s, Math.max(200, s.population ?? 500)] as const)),
    urgentChance: urgentShare > 0 ? Math.min(1, 0.05 / urgentShare) : 0,
    head: byRole('HEAD'),
    pos: byRole('POS_OPERATOR'),
    im: byRole('INCIDENT_MANAGER'),
    executors,
    offsetMs: offsetOf(org.timezone, now),
    counters: new Map(),
    recentParents: [],
  };
}

export type Generated = { item: string; events: string; answers: string; attachments: string; counts: Record<Table, number>; open: boolean };

/**
 * One item and everything that hangs off it. `receivedAt` is given (items come in order of receipt, so their
 * registration numbers grow with time as the server's do).
 */
export function generateItem(c: Context, r: Rng, serial: number, receivedAt: Date, now: Date): Generated {
  const t0 = receivedAt.getTime();
  const nowMs = now.getTime();
  const ageDays = (nowMs - t0) / DAY;
  const kind: Kind = kindOf(r);
  const channel = channelOf[kind](r);
  const category = c.pickCategory(r);
  const settlement = c.pickSettlement(r);
  const place = placeIn(settlement, r);
  const urgent = category.urgentCapable && r.chance(c.urgentChance);
  const identified = kind === 'APPEAL' ? true : r.chance(0.6);
  const female = r.chance(0.55);
  const anonymous = kind === 'INCIDENT' || r.chance(0.03);
  const applicantName = anonymous ? null : `${r.pick(SURNAMES)}${female ? 'а' : ''} ${r.pick(female ? FEMALE : MALE)} ${r.pick(female ? PATRONYMIC_F : PATRONYMIC_M)}`;
  const applicantPhone = kind !== 'INCIDENT' && r.chance(0.7) ? `+7 9${10 + Math.floor(r.next() * 89)} ${100 + Math.floor(r.next() * 899)}-${10 + Math.floor(r.next() * 89)}-${10 + Math.floor(r.next() * 89)}` : null;
  const applicantEmail = kind !== 'INCIDENT' && r.chance(0.3) ? `citizen${serial}@example.ru` : null;
  const applicantAddress = kind === 'INCIDENT' ? null : `${place.text}${r.chance(0.5) ? `, кв. ${1 + Math.floor(r.next() * 60)}` : ''}`;
  const what = category.name.toLowerCase();
  const text = r.pick(OPENINGS).replace('{what}', what).replace('{addr}', place.text);
  const year = new Date(t0 + c.offsetMs).getUTCFullYear();
  const n = (c.counters.get(year) ?? 0) + 1;
  c.counters.set(year, n);
  const id = randomUUID();
  const m = c.org.id;

  const open = r.chance(openChance(ageDays));
  const halt: OpenStatus | null = open ? openStatusOf(r) : null;
  // Closed items end one of these ways; the rest are answered, rated or closed automatically.
  const merged = !open && c.recentParents.length > 0 && r.chance(0.04);
  const redirected = !open && !merged && kind === 'APPEAL' && r.chance(0.03);
  const leftWithoutAnswer = !open && !merged && !redirected && kind === 'APPEAL' && (!applicantName || r.chance(0.02));

  const candidates = c.org.candidates.get(category.id) ?? [];
  const department: Department = candidates.length ? r.pick(candidates) : r.pick(c.org.departments);
  const deptExecutors = c.executors.get(department.id) ?? [];
  const executor = deptExecutors.length && r.chance(0.8) ? r.pick(deptExecutors) : null;
  const operator = kind === 'MESSAGE' ? c.pos : kind === 'INCIDENT' ? c.im : c.head;
  const reviewer = kind === 'INCIDENT' ? c.im : c.head;
  const worker = executor ?? operator;

  // The timeline, as offsets from receipt; squeezed below "now" at the end if it ran past it.
  type Step = { at: number; actor: User | null; label?: string; type: string; from: string | null; to: string | null; comment?: string; details?: object };
  const steps: Step[] = [{ at: 0, actor: kind === 'APPEAL' ? c.head : null, label: kind === 'APPEAL' ? undefined : channel === 'POS' ? 'POS' : 'monitoring', type: 'CREATED', from: null, to: 'NEW' }];
  let status = 'NEW';
  const move = (at: number, actor: User | null, type: string, to: string, extra: Partial<Step> = {}) => {
    steps.push({ at, actor, type, from: status, to, ...extra });
    status = to;
  };
  type AnswerDraft = { kind: 'INTERIM' | 'FINAL'; status: string; text: string; author: User; submittedAt: number; reviewer: User | null; reviewedAt: number | null; rework: string[] };
  const answers: AnswerDraft[] = [];
  let registeredAt: number | null = null;
  let firstReactionAt: number | null = null;
  let answeredAt: number | null = null;
  let closedAt: number | null = null;
  let ratedAt: number | null = null;
  let satisfied: boolean | null = null;
  let ratingComment: string | null = null;
  let outcome: string | null = null;
  let pausedAt: number | null = null;
  let reviewSubmittedAt: number | null = null;
  let reworkCount = 0;
  let reopenCount = 0;
  let extendedAt: number | null = null;
  let parentId: string | null = null;
  let redirectedTo: string | null = null;
  let noAnswerReason: string | null = null;
  let reopenedAt: number | null = null;

  simulate: {
    if (halt === 'NEW') break simulate;
    registeredAt = (0.2 + r.next() * (kind === 'APPEAL' ? 30 : 3)) * HOUR;
    move(registeredAt, operator, 'REGISTER', 'REGISTERED');
    if (merged) {
      parentId = r.pick(c.recentParents);
      move(registeredAt + HOUR, operator, 'MERGE', 'MERGED', { details: { parentId } });
      closedAt = registeredAt + HOUR;
      break simulate;
    }
    if (redirected) {
      redirectedTo = r.pick(REDIRECT_TO);
      outcome = 'REDIRECTED';
      closedAt = registeredAt + DAY;
      move(closedAt, c.head, 'REDIRECT', 'REDIRECTED', { details: { to: redirectedTo } });
      break simulate;
    }
    if (leftWithoutAnswer) {
      noAnswerReason = applicantName ? r.pick(['ESSENCE_UNCLEAR', 'REPEATED_NO_NEW_ARGUMENTS', 'OBSCENE_OR_THREATS']) : 'ANONYMOUS';
      outcome = 'LEFT_WITHOUT_ANSWER';
      closedAt = registeredAt + DAY;
      move(closedAt, reviewer, 'LEAVE_WITHOUT_ANSWER', 'CLOSED', { details: { reason: noAnswerReason } });
      break simulate;
    }
    if (halt === 'REGISTERED') break simulate;
    const assignedAt = registeredAt + (0.5 + r.next() * 6) * HOUR;
    move(assignedAt, operator, 'ASSIGN', 'ASSIGNED', { comment: department.name });
    if (halt === 'ASSIGNED') break simulate;
    const startedAt = assignedAt + (1 + r.next() * 20) * HOUR;
    move(startedAt, worker, 'START', 'IN_PROGRESS');
    if (kind === 'INCIDENT' && r.chance(0.5)) {
      firstReactionAt = startedAt + HOUR;
      answers.push({ kind: 'INTERIM', status: 'PUBLISHED', text: 'Информация принята, специалисты выехали на место.', author: c.im, submittedAt: firstReactionAt, reviewer: null, reviewedAt: null, rework: [] });
      steps.push({ at: firstReactionAt, actor: c.im, type: 'PUBLISH_INTERIM', from: status, to: status });
    }
    if (kind === 'APPEAL' && r.chance(0.04)) {
      extendedAt = startedAt + 2 * DAY;
      steps.push({ at: extendedAt, actor: c.head, type: 'EXTEND', from: status, to: status, details: { days: 30 } });
    }
    if (halt === 'WAITING_CITIZEN') {
      pausedAt = startedAt + 2 * HOUR;
      move(pausedAt, worker, 'ASK_CITIZEN', 'WAITING_CITIZEN', { comment: 'Уточните, пожалуйста, адрес' });
      break simulate;
    }
    if (halt === 'IN_PROGRESS') break simulate;
    const span = (kind === 'APPEAL' ? 30 : kind === 'MESSAGE' ? 10 : 5) * DAY;
    const late = r.chance(0.12);
    let draftAt = startedAt + (late ? span * (1.05 + r.next() * 0.6) : span * (0.15 + r.next() * 0.7));
    if (!open && r.chance(0.15)) {
      const returnedAt = draftAt + (1 + r.next() * 6) * HOUR;
      const reasons = [r.pick(REWORK)];
      answers.push({ kind: 'FINAL', status: 'RETURNED', text: r.pick(ANSWERS), author: worker, submittedAt: draftAt, reviewer, reviewedAt: returnedAt, rework: reasons });
      move(draftAt, worker, 'SUBMIT_ANSWER', 'ON_REVIEW');
      move(returnedAt, reviewer, 'RETURN_FOR_REWORK', 'IN_PROGRESS', { details: { reasons } });
      reworkCount = 1;
      draftAt = returnedAt + (4 + r.next() * 30) * HOUR;
    }
    const final: AnswerDraft = { kind: 'FINAL', status: 'ON_REVIEW', text: `${r.pick(ANSWERS)}${reworkCount ? ' Фотоотчёт приложен.' : ''}`, author: worker, submittedAt: draftAt, reviewer: null, reviewedAt: null, rework: [] };
    answers.push(final);
    move(draftAt, worker, 'SUBMIT_ANSWER', 'ON_REVIEW');
    reviewSubmittedAt = draftAt;
    if (halt === 'ON_REVIEW') break simulate;
    const approvedAt = draftAt + (1 + r.next() * 6) * HOUR;
    final.status = 'PUBLISHED';
    final.reviewer = reviewer;
    final.reviewedAt = approvedAt;
    outcome = outcomeOf(r);
    answeredAt = approvedAt;
    firstReactionAt ??= approvedAt;
    move(approvedAt, reviewer, 'APPROVE_ANSWER', 'ANSWERED', { details: { outcome } });
    if (halt === 'ANSWERED') break simulate;
    if (halt === 'REOPENED') {
      ratedAt = approvedAt + (6 + r.next() * 48) * HOUR;
      satisfied = false;
      ratingComment = r.pick(UNSATISFIED);
      reopenCount = 1;
      answeredAt = null;
      reopenedAt = ratedAt;
      move(ratedAt, operator, 'RATE', 'REOPENED', { comment: ratingComment, details: { satisfied: false } });
      break simulate;
    }
    if (r.chance(0.7)) {
      ratedAt = approvedAt + (6 + r.next() * 120) * HOUR;
      satisfied = r.chance(0.78);
      if (!satisfied) ratingComment = r.pick(UNSATISFIED);
      closedAt = ratedAt;
      move(ratedAt, operator, 'RATE', 'CLOSED', { comment: ratingComment ?? undefined, details: { satisfied } });
    } else {
      closedAt = approvedAt + 14 * DAY;
      steps.push({ at: closedAt, actor: null, label: 'scheduler', type: 'AUTO_CLOSED', from: status, to: 'CLOSED', comment: 'no rating within 10 working days' });
      status = 'CLOSED';
    }
  }

  // Squeeze the timeline below "now" (an open item's last step a little before now).
  const age = nowMs - t0;
  const last = steps[steps.length - 1]!.at;
  const limit = age * 0.97;
  const k = last > limit ? limit / last : 1;
  const at = (x: number | null) => (x === null ? null : new Date(t0 + x * k));
  for (const s of steps) s.at *= k;

  // The deadlines (calendar-day approximations of the product's rules), from the squeezed instants.
  const reg = at(registeredAt);
  const regMs = reg?.getTime() ?? null;
  const registrationDueAt = kind === 'APPEAL' ? new Date(t0 + 3 * DAY) : null;
  const redirectDueAt = kind === 'APPEAL' && regMs !== null ? new Date(regMs + 7 * DAY) : null;
  const answerDays = kind === 'APPEAL' ? (extendedAt !== null ? 60 : 30) : kind === 'MESSAGE' ? (urgent ? 1 : (category.messageAnswerDays ?? 10)) : null;
  let answerDueAt = answerDays !== null && regMs !== null ? new Date(regMs + answerDays * DAY) : null;
  const firstReactionDueAt = kind === 'INCIDENT' && regMs !== null ? new Date(regMs + (urgent ? 2 : 24) * HOUR) : null;
  const frAt = at(firstReactionAt);
  let finalAnswerDueAt = kind === 'INCIDENT' && frAt ? new Date(frAt.getTime() + 10 * DAY) : null;
  const reopened = at(reopenedAt);
  if (reopened) {
    if (kind === 'INCIDENT') finalAnswerDueAt = new Date(reopened.getTime() + 10 * DAY);
    else answerDueAt = new Date(reopened.getTime() + (answerDays ?? 10) * DAY);
  }
  const submitted = at(reviewSubmittedAt);
  const reviewDueAt = status === 'ON_REVIEW' && submitted ? new Date(submitted.getTime() + DAY) : null;

  // The clock that runs now: none for a closed or answered item.
  let dueAt: Date | null = null;
  let clockStartedAt: Date | null = null;
  if (status === 'NEW') {
    dueAt = registrationDueAt;
    clockStartedAt = dueAt ? receivedAt : null;
  } else if (!['ANSWERED', 'CLOSED', 'REDIRECTED', 'MERGED'].includes(status)) {
    if (kind === 'INCIDENT') {
      dueAt = finalAnswerDueAt ?? firstReactionDueAt;
      clockStartedAt = reopened ?? frAt ?? reg;
    } else {
      dueAt = answerDueAt;
      clockStartedAt = reopened ?? reg;
    }
  }
  const dueSoonAt = dueAt && clockStartedAt ? new Date(dueAt.getTime() - Math.max(0, dueAt.getTime() - clockStartedAt.getTime()) * 0.25) : null;
  const paused = at(pausedAt);
  const judgedAt = paused?.getTime() ?? nowMs;
  const overdueNotifiedFor = dueAt && judgedAt > dueAt.getTime() ? dueAt : null;
  const dueSoonNotifiedFor = dueAt && dueSoonAt && judgedAt >= dueSoonAt.getTime() ? dueAt : null;
  const reviewOverdueNotifiedFor = reviewDueAt && nowMs > reviewDueAt.getTime() ? reviewDueAt : null;
  const answered = at(answeredAt);
  const workingDays = answered && reg ? ((answered.getTime() - reg.getTime()) / DAY) * (5 / 7) : null;
  const workingHours = frAt && reg ? ((frAt.getTime() - reg.getTime()) / HOUR) * (8 / 24) * (5 / 7) : null;
  const updatedAt = new Date(t0 + steps[steps.length - 1]!.at);
  // Department and executor come with the assignment (redirected, merged and unanswered items never get one).
  const assigned = steps.some((s) => s.type === 'ASSIGN');
  const source = channel === 'POS' ? 'POS' : channel.startsWith('SOCIAL') ? 'monitoring' : 'dashboard';

  const item = line([
    id, receivedAt, updatedAt, m, `${year}-${String(n).padStart(6, '0')}`, kind, channel, source,
    source === 'dashboard' ? null : `bench-${serial}`, identified,
    applicantName, applicantPhone, applicantEmail, applicantAddress, category.name, text, place.text, settlement.id,
    settlement.lat !== null ? settlement.lat + (r.next() - 0.5) * 0.02 : null, settlement.lon !== null ? settlement.lon + (r.next() - 0.5) * 0.03 : null,
    category.id, category.sectorId, assigned ? department.id : null, assigned ? executor?.id : null,
    urgent, status, receivedAt, reg,
    registrationDueAt, redirectDueAt, answerDueAt, firstReactionDueAt, finalAnswerDueAt, reviewDueAt,
    dueAt, dueSoonAt, clockStartedAt, dueSoonNotifiedFor, overdueNotifiedFor, reviewOverdueNotifiedFor,
    paused, at(extendedAt), extendedAt !== null ? 'Необходима дополнительная проверка (ч. 2 ст. 12 59-ФЗ)' : null, frAt, answered, at(closedAt), redirectedTo,
    noAnswerReason, outcome, satisfied, ratingComment, at(ratedAt), reopenCount, reworkCount, parentId,
    steps.length, workingDays, workingHours,
  ]);

  let events = '';
  for (const s of steps) {
    const when = new Date(t0 + s.at);
    events += line([
      randomUUID(), when, when, m, id, when, s.actor?.id, s.actor?.username ?? s.label ?? 'scheduler', s.type, s.from, s.to, s.comment ?? null, null,
      s.details ? JSON.stringify(s.details) : null,
    ]);
  }
  let answerRows = '';
  for (const a of answers) {
    const submittedAt = new Date(t0 + a.submittedAt * k);
    const reviewedAt = a.reviewedAt === null ? null : new Date(t0 + a.reviewedAt * k);
    answerRows += line([
      randomUUID(), submittedAt, reviewedAt ?? submittedAt, m, id, a.kind, a.status, a.text, a.author.id, submittedAt, a.reviewer?.id, reviewedAt,
      `{${a.rework.join(',')}}`, a.status === 'RETURNED' ? 'Нет сроков и мер' : null,
    ]);
  }
  let attachments = '';
  const files = r.chance(0.12) ? 1 + Math.floor(r.next() * 3) : 0;
  for (let i = 0; i < files; i++) {
    const [name, mime] = r.pick(FILES);
    const fileId = randomUUID();
    attachments += line([fileId, receivedAt, receivedAt, m, id, name, mime, 20_000 + Math.floor(r.next() * 2_000_000), randomUUID().replace(/-/g, '').padEnd(64, '0'), `bench/${fileId}`, kind === 'APPEAL' ? c.head.id : null]);
  }

  // Items others may be merged into: the last 50 that were not merged themselves.
  if (!merged && status !== 'NEW') {
    c.recentParents.push(id);
    if (c.recentParents.length > 50) c.recentParents.shift();
  }
  return {
    item,
    events,
    answers: answerRows,
    attachments,
    counts: { item: 1, item_event: steps.length, item_answer: answers.length, attachment: files },
    open: !['CLOSED', 'REDIRECTED', 'MERGED'].includes(status),
  };
}
