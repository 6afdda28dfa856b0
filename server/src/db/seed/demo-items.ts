import type { EntityManager } from '@mikro-orm/postgresql';
import { Municipality } from '../../modules/organisation/municipality.entity.js';
import { Settlement } from '../../modules/organisation/settlement.entity.js';
import { Category } from '../../modules/organisation/category.entity.js';
import { Department } from '../../modules/organisation/department.entity.js';
import { User } from '../../modules/users/user.entity.js';
import { Role } from '../../modules/auth/roles.js';
import { calendarFor } from '../../modules/calendar/calendar.service.js';
import { Item } from '../../modules/items/item.entity.js';
import { ItemEvent } from '../../modules/items/item-event.entity.js';
import { AnswerKind, AnswerStatus, ItemAnswer } from '../../modules/items/item-answer.entity.js';
import { AnswerTemplate } from '../../modules/items/answer-template.entity.js';
import { Channel, ItemKind, ItemStatus, NoAnswerReason, Outcome, ReworkReason } from '../../modules/items/item.enums.js';
import { ItemAction } from '../../modules/items/lifecycle.js';
import { applyRegistrationClocks, runClock, stopClock, measureSpeed } from '../../modules/items/deadlines.js';
import { incidentFinalAnswerDueAt, qualityReviewDueAt, slaPreview, type WorkingCalendar } from '../../modules/sla/index.js';
import { logger } from '../../shared/logger.js';
import { DEADLINE_SCAN_BATCH, scanDeadlines, type ScanResult } from '../../jobs/deadline-jobs.js';

/** A small seeded generator (mulberry32), so the demo district is the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [x, w] of xs) if ((r -= w) <= 0) return x;
    return xs[xs.length - 1]![0];
  };
  return { next, pick, weighted, chance: (p: number) => next() < p };
}

const SURNAMES = ['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Попов', 'Васильев', 'Смирнов', 'Морозов', 'Волков', 'Соколов', 'Лебедев', 'Козлов', 'Новиков', 'Фёдоров', 'Павлов', 'Семёнов', 'Голубев', 'Виноградов', 'Богданов', 'Воробьёв'];
const MALE = ['Александр', 'Сергей', 'Владимир', 'Андрей', 'Алексей', 'Николай', 'Дмитрий', 'Иван', 'Михаил', 'Юрий', 'Виктор', 'Пётр'];
const FEMALE = ['Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Людмила', 'Галина', 'Анна', 'Мария', 'Валентина', 'Нина'];
const PATRONYMIC_M = ['Александрович', 'Сергеевич', 'Иванович', 'Николаевич', 'Петрович', 'Викторович', 'Юрьевич'];
const PATRONYMIC_F = ['Александровна', 'Сергеевна', 'Ивановна', 'Николаевна', 'Петровна', 'Викторовна', 'Юрьевна'];

/** What people write about, per category: a subject and a text with a place-holder for the address. */
const TOPICS: Record<string, [string, string][]> = {
  ZHKH_WATER: [['Нет холодной воды', 'Второй день нет холодной воды по адресу {addr}. Просим восстановить подачу.'], ['Ржавая вода из крана', 'Из крана идёт ржавая вода, {addr}. Прошу проверить качество воды.']],
  ZHKH_SEWAGE: [['Засор канализации', 'Во дворе дома {addr} течёт канализация, запах на всю улицу.']],
  ZHKH_HEATING: [['Холодные батареи', 'В квартире по адресу {addr} батареи еле тёплые, температура 16 градусов.']],
  ZHKH_POWER: [['Отключение света', 'По адресу {addr} постоянно отключают электричество, скачет напряжение.']],
  ZHKH_GAS: [['Низкое давление газа', 'По адресу {addr} низкое давление газа, котёл не запускается.']],
  ZHKH_MKD: [['Протекает крыша', 'В доме {addr} протекает крыша над последним этажом, управляющая компания не реагирует.']],
  ZHKH_BILLING: [['Неверный расчёт платы', 'В квитанции за коммунальные услуги по адресу {addr} начислено больше, чем по счётчику.']],
  ROADS_REPAIR: [['Яма на дороге', 'На дороге у дома {addr} большая яма, машины объезжают по встречной.'], ['Разбитая дорога', 'Дорога по адресу {addr} разбита, после дождя не проехать.']],
  ROADS_SNOW: [['Не убран снег', 'Улица у дома {addr} не чищена от снега третий день.']],
  ROADS_SIDEWALKS: [['Нет тротуара', 'По адресу {addr} дети идут в школу по проезжей части: нет тротуара.']],
  ROADS_SIGNS: [['Нет знака «Дети»', 'У школы по адресу {addr} нет знаков и разметки пешеходного перехода.']],
  LAND_YARDS: [['Сломана детская площадка', 'На детской площадке у дома {addr} сломаны качели.']],
  LAND_GREEN: [['Аварийное дерево', 'У дома {addr} сухое дерево может упасть на провода.']],
  LAND_LIGHTING: [['Не горят фонари', 'На улице у дома {addr} не горят фонари, вечером темно.']],
  LAND_ANIMALS: [['Стая собак', 'Возле дома {addr} бегает стая бездомных собак, страшно выпускать детей.']],
  LAND_CEMETERY: [['Мусор на кладбище', 'На кладбище рядом с {addr} не вывозится мусор.']],
  WASTE_COLLECTION: [['Не вывозят мусор', 'Мусор у контейнерной площадки по адресу {addr} не вывозится неделю.']],
  WASTE_DUMPS: [['Стихийная свалка', 'За домом {addr} образовалась свалка строительного мусора.']],
  HEALTH_ACCESS: [['Нет записи к врачу', 'Невозможно записаться к терапевту в поликлинике, живу по адресу {addr}.']],
  HEALTH_FAP: [['Закрыт ФАП', 'Фельдшерско-акушерский пункт рядом с {addr} не работает второй месяц.']],
  HEALTH_DRUGS: [['Нет льготных лекарств', 'В аптеке нет льготных лекарств по рецепту, адрес {addr}.']],
  EDU_KINDERGARTEN: [['Очередь в детский сад', 'Ребёнку 3 года, место в детском саду не дают. Адрес: {addr}.']],
  EDU_SCHOOL: [['Холодно в школе', 'В классах школы холодно, дети сидят в куртках. Живём: {addr}.']],
  EDU_SCHOOL_BUS: [['Школьный автобус', 'Школьный автобус не приходит по расписанию, {addr}.']],
  TRANSPORT_ROUTES: [['Отменили автобус', 'Отменили утренний рейс автобуса до райцентра, {addr}.']],
  TRANSPORT_QUALITY: [['Переполненный автобус', 'Автобус переполнен, водитель не останавливается на остановке у {addr}.']],
  SOCIAL_BENEFITS: [['Не пришла выплата', 'Не пришла выплата многодетной семье, прописка {addr}.']],
  SOCIAL_CARE: [['Нужен соцработник', 'Пожилой соседке по адресу {addr} нужна помощь социального работника.']],
  SOCIAL_ACCESSIBLE: [['Нет пандуса', 'У входа в подъезд по адресу {addr} нет пандуса для коляски.']],
  SAFETY_ORDER: [['Шум по ночам', 'Соседи по адресу {addr} шумят по ночам.']],
  SAFETY_FIRE: [['Пожароопасный сухостой', 'У домов по адресу {addr} сухая трава, весной горит.']],
  SAFETY_EMERGENCY: [['Подтопление', 'После ливня подтоплены дворы по адресу {addr}.']],
  ECO_POLLUTION: [['Запах от предприятия', 'От предприятия рядом с {addr} идёт едкий запах.']],
  CULT_FACILITIES: [['Ремонт клуба', 'Сельский клуб рядом с {addr} требует ремонта крыши.']],
  CULT_EVENTS: [['Нет кружков для детей', 'В ДК нет бесплатных кружков для детей, живём: {addr}.']],
  ECON_TRADE: [['Нет магазина', 'В хуторе по адресу {addr} закрылся единственный магазин.']],
  ECON_AGRO: [['Потрава посевов', 'Чужой скот потравил посевы на участке у {addr}.']],
  ECON_JOBS: [['Нет работы', 'Ищу работу, состою на учёте, адрес {addr}.']],
  PROP_LAND: [['Оформление участка', 'Не могу оформить земельный участок по адресу {addr}.']],
  PROP_HOUSING: [['Аварийное жильё', 'Дом по адресу {addr} признан аварийным, когда расселят?']],
  PROP_CONSTRUCTION: [['Незаконная стройка', 'Сосед строит гараж на общей земле у дома {addr}.']],
  CONN_MOBILE: [['Нет мобильной связи', 'По адресу {addr} нет мобильной связи и интернета.']],
  CONN_POST: [['Закрыто почтовое отделение', 'Почта рядом с {addr} работает два дня в неделю.']],
  SVO_FAMILIES: [['Помощь семье участника СВО', 'Семье участника СВО по адресу {addr} нужны дрова на зиму.']],
  ADMIN_OFFICIALS: [['Грубость специалиста', 'Специалист администрации грубо ответил на приёме, живу по адресу {addr}.']],
  ADMIN_SERVICES: [['Справка не выдана', 'Не могу получить справку о составе семьи, адрес {addr}.']],
};

const ANSWERS = [
  'Работы выполнены, проблема устранена. Результат проверен на месте специалистом.',
  'По вашему обращению проведено обследование; работы включены в план и будут выполнены до конца месяца.',
  'Даны разъяснения по порядку решения вопроса; вы можете обратиться в отдел лично в приёмные часы.',
  'Вопрос решён: подрядчик выполнил работы, акт приёмки подписан.',
];

const HOUR = 3_600_000;
/** Items written at a time, with their answers and history. */
const BATCH = 250;

/**
 * How the seed writes: it makes its rows in the unit of work (em.create) and writes them a batch at a time in
 * multi-row inserts, class by class in the order each class first appeared (a row is made after the rows it refers
 * to), then forgets them. No row changes after its batch, so the unit of work's change tracking (em.flush) would
 * only cost time. A batch is written while the next is made, PostgreSQL and Node.js each on a core of its own;
 * `written` waits for the last and reports any failure.
 */
function batchWriter(em: EntityManager) {
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  return {
    write(): void {
      if (failure) throw failure;
      const byClass = new Map<string, object[]>();
      for (const entity of em.getUnitOfWork().getPersistStack()) {
        const rows = byClass.get(entity.constructor.name) ?? [];
        if (!rows.length) byClass.set(entity.constructor.name, rows);
        rows.push(entity);
      }
      em.clear();
      writing = writing
        .then(async () => {
          for (const rows of byClass.values()) await em.insertMany(rows);
        })
        .catch((e: unknown) => void (failure ??= e));
    },
    async written(): Promise<void> {
      await writing;
      if (failure) throw failure;
    },
  };
}

export type DemoOptions = { count: number; now: Date; seed?: number };

/**
 * Demo items of the last 12 months, lived through the real lifecycle and clocks: each item is received, then
 * registered, assigned, worked, reviewed (some returned for rework), answered (most on time), rated and closed,
 * as far as its timeline has reached by `now`; a few are redirected, left without an answer or merged. Every
 * step is in its history with the demo account that took it.
 */
export async function seedDemoItems(em: EntityManager, municipality: Municipality, options: DemoOptions): Promise<number> {
  const started = Date.now();
  const r = prng(options.seed ?? 20261127);
  const now = options.now;
  const calendar: WorkingCalendar = await calendarFor(em, municipality.id, now.getTime());
  // One query at a time: this runs inside the seed's transaction.
  const settlements = await em.find(Settlement, { municipality });
  const categories = await em.find(Category, { municipality, active: true }, { populate: ['sector'] });
  const departments = await em.find(Department, { municipality, active: true }, { populate: ['sectors', 'categories'] });
  const users = await em.find(User, { municipality });
  const byRole = (role: Role) => users.find((u) => u.roles.includes(role));
  const head = byRole(Role.HEAD)!;
  const lead = byRole(Role.SECTOR_LEAD)!;
  const pos = byRole(Role.POS_OPERATOR)!;
  const im = byRole(Role.INCIDENT_MANAGER)!;
  const executor = byRole(Role.EXECUTOR)!;
  const leadSectors = new Set((await lead.sectors.load()).getItems().map((s) => s.id));

  const weightedSettlements = settlements.map((s) => [s, Math.max(200, s.population ?? 500)] as const);
  const weightedCategories = categories.map((c) => [c, c.sector.getEntity().code === 'ZHKH' ? 6 : c.sector.getEntity().code === 'ROADS' ? 4 : c.sector.getEntity().code === 'LANDSCAPING' ? 3 : 1] as const);
  const counters = new Map<number, number>();
  const writer = batchWriter(em);
  let created = 0;

  // Templates an executor starts from, titled by the category's name (its code is no word for a person).
  for (const [code, text] of [['ZHKH_WATER', ANSWERS[0]!], ['ROADS_REPAIR', ANSWERS[1]!]] as const) {
    const category = categories.find((c) => c.code === code)!;
    em.create(AnswerTemplate, { municipality, category, title: `Ответ: ${category.name}`, body: text!, active: true });
  }
  em.create(AnswerTemplate, { municipality, title: 'Разъяснение порядка', body: ANSWERS[2]!, active: true });

  // The executor's department, and a category it answers for, for the stuck items below.
  const housing = departments.find((d) => d.code === 'housing');
  const housingCategory = housing ? categories.find((c) => housing.categories.getItems().some((x) => x.id === c.id) || housing.sectors.getItems().some((x) => x.id === c.sector.id)) : undefined;

  const parents: Item[] = [];
  for (let i = 0; i < options.count; i++) {
    const kind = r.weighted([[ItemKind.MESSAGE, 5], [ItemKind.APPEAL, 3], [ItemKind.INCIDENT, 2]] as const);
    const channel =
      kind === ItemKind.APPEAL
        ? r.weighted([[Channel.LETTER, 3], [Channel.WALK_IN, 2], [Channel.EPGU, 4], [Channel.WEB_FORM, 1]] as const)
        : kind === ItemKind.MESSAGE
          ? r.weighted([[Channel.POS, 5], [Channel.PHONE, 3], [Channel.EMAIL, 2], [Channel.MESSENGER, 1]] as const)
          : r.weighted([[Channel.SOCIAL_VK, 5], [Channel.SOCIAL_OK, 2], [Channel.SOCIAL_TELEGRAM, 3]] as const);
    // A few items of the housing department are stuck in work past every deadline, whatever day the seed runs on:
    // the executor's and the head's inboxes always have overdue work to show (the deadlines of the rest depend on
    // the working calendar around `now`).
    const stuck = i % 60 === 30 && !!housing && !!housingCategory;
    const drawn = r.weighted(weightedCategories);
    const category = stuck ? housingCategory! : drawn;
    const sector = category.sector.getEntity();
    const settlement = r.weighted(weightedSettlements);
    const locality = settlement.localities[0];
    const street = settlement.streets.length ? r.pick(settlement.streets) : null;
    const place = [locality ? `${locality.kind === 'город' ? 'г.' : locality.kind === 'хутор' ? 'х.' : locality.kind === 'станица' ? 'ст.' : 'п.'} ${locality.name}` : settlement.name, street, street ? `${1 + Math.floor(r.next() * 80)}` : null]
      .filter(Boolean)
      .join(', ');
    const female = r.chance(0.55);
    const name = `${r.pick(SURNAMES)}${female ? 'а' : ''} ${r.pick(female ? FEMALE : MALE)} ${r.pick(female ? PATRONYMIC_F : PATRONYMIC_M)}`;
    const [subject, text] = r.pick(TOPICS[category.code] ?? [['Обращение', 'Прошу рассмотреть вопрос по адресу {addr}.']]);
    // Received at a random moment of the last 365 days, mostly in the daytime.
    const day = now.getTime() - Math.floor(r.next() * 365) * 24 * HOUR;
    // About 2% were answered a few weeks ago, rated "not satisfied" and are being looked at again now.
    const reopenedNow = r.chance(0.02) && !stuck;
    const start = reopenedNow
      ? now.getTime() - (12 + Math.floor(r.next() * 12)) * 24 * HOUR
      : stuck
        ? now.getTime() - (45 + (i % 20)) * 24 * HOUR
        : day;
    const receivedAt = new Date(Math.min(now.getTime() - HOUR, start - (start % (24 * HOUR)) + (5 + r.next() * 14) * HOUR));
    const year = Number(calendar.localDate(receivedAt).slice(0, 4));
    counters.set(year, (counters.get(year) ?? 0) + 1);
    const identified = kind === ItemKind.APPEAL ? true : r.chance(0.6);
    const urgent = category.urgentCapable && r.chance(0.15);

    const item = em.create(Item, {
      municipality,
      number: `${year}-${String(counters.get(year)).padStart(6, '0')}`,
      kind,
      channel,
      source: channel === Channel.POS ? 'POS' : channel.startsWith('SOCIAL') ? 'monitoring' : 'dashboard',
      externalId: channel === Channel.POS || channel.startsWith('SOCIAL') ? `demo-${i}` : undefined,
      identified,
      applicantName: kind === ItemKind.INCIDENT ? undefined : r.chance(0.97) ? name : undefined,
      applicantPhone: kind !== ItemKind.INCIDENT && r.chance(0.7) ? `+7 9${Math.floor(10 + r.next() * 89)} ${Math.floor(100 + r.next() * 899)}-${Math.floor(10 + r.next() * 89)}-${Math.floor(10 + r.next() * 89)}` : undefined,
      applicantEmail: kind !== ItemKind.INCIDENT && r.chance(0.3) ? `citizen${i}@example.ru` : undefined,
      applicantAddress: kind === ItemKind.INCIDENT ? undefined : `${place}${r.chance(0.5) ? `, кв. ${1 + Math.floor(r.next() * 60)}` : ''}`,
      subject,
      text: text.replace('{addr}', place),
      address: place,
      settlement,
      lat: settlement.lat !== undefined ? settlement.lat + (r.next() - 0.5) * 0.02 : undefined,
      lon: settlement.lon !== undefined ? settlement.lon + (r.next() - 0.5) * 0.03 : undefined,
      category,
      sector,
      urgent,
      status: ItemStatus.NEW,
      receivedAt,
      createdAt: receivedAt,
    });
    const events: { at: Date; actor?: User; type: string; from?: ItemStatus; to?: ItemStatus; comment?: string; details?: Record<string, unknown> }[] = [
      { at: receivedAt, actor: kind === ItemKind.APPEAL ? head : undefined, type: 'CREATED', to: ItemStatus.NEW },
    ];
    const move = (at: Date, actor: User | undefined, type: string, to: ItemStatus, comment?: string, details?: Record<string, unknown>) => {
      events.push({ at, actor, type, from: item.status, to, comment, details });
      item.status = to;
    };
    const until = (t: Date) => t.getTime() <= now.getTime();
    const operator = kind === ItemKind.MESSAGE ? pos : kind === ItemKind.INCIDENT ? im : leadSectors.has(sector.id) ? lead : head;
    const reviewer = kind === ItemKind.INCIDENT ? im : leadSectors.has(sector.id) ? lead : head;

    if (kind === ItemKind.APPEAL) {
      item.registrationDueAt = slaPreview(ItemKind.APPEAL, receivedAt, { receivedAt }, calendar).registrationDueAt ?? undefined;
      runClock(item, receivedAt, item.registrationDueAt, calendar);
    }
    // Items of the last two weeks stop at some step, so that the inbox has work in every status.
    const recent = now.getTime() - receivedAt.getTime() < 14 * 24 * HOUR;
    const halt = reopenedNow
      ? ItemStatus.REOPENED
      : stuck
        ? ItemStatus.IN_PROGRESS
        : recent
        ? r.pick([ItemStatus.NEW, ItemStatus.REGISTERED, ItemStatus.ASSIGNED, ItemStatus.IN_PROGRESS, ItemStatus.WAITING_CITIZEN, ItemStatus.ON_REVIEW, ItemStatus.ANSWERED, null])
        : null;
    const halted = () => halt !== null && item.status === halt;
    simulate: {
      if (halted()) break simulate;
      const registeredAt = new Date(receivedAt.getTime() + (0.2 + r.next() * (kind === ItemKind.APPEAL ? 30 : 3)) * HOUR);
      if (!until(registeredAt)) break simulate;
      applyRegistrationClocks(item, registeredAt, calendar, category.messageAnswerDays ?? null);
      move(registeredAt, operator, ItemAction.REGISTER, ItemStatus.REGISTERED);
      if (halted()) break simulate;

      // A few end here: duplicates, redirects, no answer.
      if (!stuck && parents.length && r.chance(0.04)) {
        const same = parents.filter((p) => p.category?.id === category.id);
        const parent = r.pick(same.length ? same.slice(-20) : parents.slice(-20));
        item.parent = em.getReference(Item, parent.id, { wrapped: true });
        stopClock(item);
        move(new Date(registeredAt.getTime() + HOUR), operator, ItemAction.MERGE, ItemStatus.MERGED, undefined, { parentId: parent.id, parentNumber: parent.number });
        break simulate;
      }
      if (!stuck && kind === ItemKind.APPEAL && r.chance(0.03)) {
        const at = new Date(registeredAt.getTime() + 24 * HOUR);
        if (!until(at)) break simulate;
        item.redirectedTo = r.pick(['Прокуратура Суровикинского района', 'Комитет ЖКХ Волгоградской области', 'ОМВД России по Суровикинскому району']);
        item.outcome = Outcome.REDIRECTED;
        item.closedAt = at;
        stopClock(item);
        move(at, head, ItemAction.REDIRECT, ItemStatus.REDIRECTED, undefined, { to: item.redirectedTo });
        break simulate;
      }
      if (!stuck && kind === ItemKind.APPEAL && (!item.applicantName || r.chance(0.02))) {
        const at = new Date(registeredAt.getTime() + 24 * HOUR);
        if (!until(at)) break simulate;
        item.noAnswerReason = item.applicantName ? r.pick([NoAnswerReason.ESSENCE_UNCLEAR, NoAnswerReason.REPEATED_NO_NEW_ARGUMENTS, NoAnswerReason.OBSCENE_OR_THREATS]) : NoAnswerReason.ANONYMOUS;
        item.outcome = Outcome.LEFT_WITHOUT_ANSWER;
        item.closedAt = at;
        stopClock(item);
        move(at, reviewer, ItemAction.LEAVE_WITHOUT_ANSWER, ItemStatus.CLOSED, undefined, { reason: item.noAnswerReason });
        break simulate;
      }
      parents.push(item);

      const candidates = departments.filter((d) => d.categories.getItems().some((c) => c.id === category.id) || d.sectors.getItems().some((s) => s.id === sector.id));
      const picked = candidates.length ? r.pick(candidates) : r.pick(departments);
      const department = stuck ? housing! : picked;
      const assignedAt = new Date(registeredAt.getTime() + (0.5 + r.next() * 6) * HOUR);
      if (!until(assignedAt)) break simulate;
      item.department = em.getReference(Department, department.id, { wrapped: true });
      if (department.code === 'housing') item.executor = em.getReference(User, executor.id, { wrapped: true });
      move(assignedAt, operator, ItemAction.ASSIGN, ItemStatus.ASSIGNED, department.name);
      if (halted()) break simulate;

      const worker = department.code === 'housing' ? executor : operator;
      const startedAt = new Date(assignedAt.getTime() + (1 + r.next() * 20) * HOUR);
      if (!until(startedAt)) break simulate;
      move(startedAt, worker, ItemAction.START, ItemStatus.IN_PROGRESS);
      if (halted()) break simulate;

      if (kind === ItemKind.INCIDENT && r.chance(0.5)) {
        const interimAt = new Date(startedAt.getTime() + HOUR);
        if (!until(interimAt)) break simulate;
        em.create(ItemAnswer, { municipality, item, kind: AnswerKind.INTERIM, status: AnswerStatus.PUBLISHED, text: 'Информация принята, специалисты выехали на место.', author: im, submittedAt: interimAt, reworkReasons: [] });
        item.firstReactionAt = interimAt;
        item.finalAnswerDueAt = incidentFinalAnswerDueAt(interimAt, calendar);
        runClock(item, interimAt, item.finalAnswerDueAt, calendar);
        events.push({ at: interimAt, actor: im, type: ItemAction.PUBLISH_INTERIM, from: item.status, to: item.status });
      }

      // When the answer is drafted: most within the deadline, some late.
      const due = item.dueAt ?? new Date(startedAt.getTime() + 5 * 24 * HOUR);
      const span = Math.max(HOUR, due.getTime() - startedAt.getTime());
      const late = !reopenedNow && r.chance(0.12);
      let draftAt = new Date(
        reopenedNow
          ? startedAt.getTime() + (4 + r.next() * 20) * HOUR
          : startedAt.getTime() + (late ? span * (1.05 + r.next() * 0.6) : span * (0.15 + r.next() * 0.7)),
      );
      if (halt === ItemStatus.WAITING_CITIZEN || (kind === ItemKind.MESSAGE && r.chance(0.08))) {
        const pauseAt = new Date(startedAt.getTime() + span * 0.1);
        if (!until(pauseAt)) break simulate;
        item.pausedAt = pauseAt;
        move(pauseAt, worker, ItemAction.ASK_CITIZEN, ItemStatus.WAITING_CITIZEN, 'Уточните, пожалуйста, адрес');
        if (halted()) break simulate;
        const resumeAt = new Date(pauseAt.getTime() + (24 + r.next() * 72) * HOUR);
        if (!until(resumeAt)) break simulate;
        if (kind === ItemKind.MESSAGE && item.answerDueAt) {
          const left = calendar.workingTimeBetween(pauseAt, item.answerDueAt);
          item.answerDueAt = left > 0 ? calendar.addWorkingTime(resumeAt, left) : item.answerDueAt;
          runClock(item, item.clockStartedAt ?? registeredAt, item.answerDueAt, calendar);
        }
        item.pausedAt = undefined;
        move(resumeAt, worker, ItemAction.CITIZEN_REPLIED, ItemStatus.IN_PROGRESS);
        if (halted()) break simulate;
        draftAt = new Date(Math.max(draftAt.getTime(), resumeAt.getTime() + HOUR));
      }
      if (!until(draftAt)) break simulate;
      let answer = em.create(ItemAnswer, { municipality, item, kind: AnswerKind.FINAL, status: AnswerStatus.ON_REVIEW, text: r.pick(ANSWERS), author: worker, submittedAt: draftAt, reworkReasons: [] });
      item.reviewDueAt = qualityReviewDueAt(draftAt, calendar);
      move(draftAt, worker, ItemAction.SUBMIT_ANSWER, ItemStatus.ON_REVIEW);
      if (halted()) break simulate;

      let reviewAt = new Date(draftAt.getTime() + (1 + r.next() * 6) * HOUR);
      if (r.chance(0.15)) {
        if (!until(reviewAt)) break simulate;
        answer.status = AnswerStatus.RETURNED;
        answer.reviewer = em.getReference(User, reviewer.id, { wrapped: true });
        answer.reviewedAt = reviewAt;
        answer.reworkReasons = [r.pick(Object.values(ReworkReason))];
        item.reworkCount += 1;
        item.reviewDueAt = undefined;
        move(reviewAt, reviewer, ItemAction.RETURN_FOR_REWORK, ItemStatus.IN_PROGRESS, undefined, { reasons: answer.reworkReasons });
        if (halted()) break simulate;
        const again = new Date(reviewAt.getTime() + (4 + r.next() * 30) * HOUR);
        if (!until(again)) break simulate;
        answer = em.create(ItemAnswer, { municipality, item, kind: AnswerKind.FINAL, status: AnswerStatus.ON_REVIEW, text: `${r.pick(ANSWERS)} Фотоотчёт приложен.`, author: worker, submittedAt: again, reworkReasons: [] });
        item.reviewDueAt = qualityReviewDueAt(again, calendar);
        move(again, worker, ItemAction.SUBMIT_ANSWER, ItemStatus.ON_REVIEW);
        if (halted()) break simulate;
        reviewAt = new Date(again.getTime() + (1 + r.next() * 6) * HOUR);
      }
      if (!until(reviewAt)) break simulate;
      answer.status = AnswerStatus.PUBLISHED;
      answer.reviewer = em.getReference(User, reviewer.id, { wrapped: true });
      answer.reviewedAt = reviewAt;
      item.outcome = r.weighted([[Outcome.SUPPORTED_MEASURES_TAKEN, 4], [Outcome.SUPPORTED, 2], [Outcome.EXPLAINED, 4], [Outcome.NOT_SUPPORTED, 1]] as const);
      item.answeredAt = reviewAt;
      item.firstReactionAt ??= reviewAt;
      item.reviewDueAt = undefined;
      stopClock(item);
      move(reviewAt, reviewer, ItemAction.APPROVE_ANSWER, ItemStatus.ANSWERED, undefined, { outcome: item.outcome });
      if (halted()) break simulate;

      // The citizen's rating, or the automatic close after 10 working days.
      const rateAt = new Date(reviewAt.getTime() + (6 + r.next() * (reopenedNow ? 24 : 120)) * HOUR);
      const autoCloseAt = calendar.addWorkingDays(reviewAt, 10);
      if ((halt === ItemStatus.REOPENED || r.chance(0.7)) && rateAt < autoCloseAt) {
        if (!until(rateAt)) break simulate;
        item.satisfied = halt === ItemStatus.REOPENED ? false : r.chance(0.78);
        item.ratedAt = rateAt;
        if (!item.satisfied) item.ratingComment = r.pick(['Проблема не решена', 'Ответ формальный', 'Работы выполнены некачественно']);
        if (!item.satisfied && (halt === ItemStatus.REOPENED || r.chance(0.5))) {
          item.reopenCount = 1;
          item.answeredAt = undefined;
          const reDue = kind === ItemKind.INCIDENT ? incidentFinalAnswerDueAt(rateAt, calendar) : slaPreview(kind, rateAt, { urgent }, calendar).answerDueAt;
          if (kind === ItemKind.INCIDENT) item.finalAnswerDueAt = reDue ?? undefined;
          else item.answerDueAt = reDue ?? undefined;
          runClock(item, rateAt, reDue, calendar);
          move(rateAt, operator, ItemAction.RATE, ItemStatus.REOPENED, item.ratingComment, { satisfied: false });
          if (halted()) break simulate;
          // Re-examination: assigned again, answered again (mostly in time), then rated a second time.
          const span2 = Math.max(HOUR, (reDue ?? rateAt).getTime() - rateAt.getTime());
          const reAssign = new Date(rateAt.getTime() + (1 + r.next() * 6) * HOUR);
          if (!until(reAssign)) break simulate;
          move(reAssign, operator, ItemAction.ASSIGN, ItemStatus.ASSIGNED, undefined);
          const reStart = new Date(reAssign.getTime() + (1 + r.next() * 10) * HOUR);
          if (!until(reStart)) break simulate;
          move(reStart, worker, ItemAction.START, ItemStatus.IN_PROGRESS);
          const reDraft = new Date(reStart.getTime() + span2 * (0.2 + r.next() * 0.7));
          if (!until(reDraft)) break simulate;
          const second = em.create(ItemAnswer, { municipality, item, kind: AnswerKind.FINAL, status: AnswerStatus.ON_REVIEW, text: `${r.pick(ANSWERS)} Проведена повторная проверка.`, author: worker, submittedAt: reDraft, reworkReasons: [] });
          item.reviewDueAt = qualityReviewDueAt(reDraft, calendar);
          move(reDraft, worker, ItemAction.SUBMIT_ANSWER, ItemStatus.ON_REVIEW);
          const reReview = new Date(reDraft.getTime() + (1 + r.next() * 6) * HOUR);
          if (!until(reReview)) break simulate;
          second.status = AnswerStatus.PUBLISHED;
          second.reviewer = em.getReference(User, reviewer.id, { wrapped: true });
          second.reviewedAt = reReview;
          item.answeredAt = reReview;
          item.reviewDueAt = undefined;
          stopClock(item);
          move(reReview, reviewer, ItemAction.APPROVE_ANSWER, ItemStatus.ANSWERED, undefined, { outcome: item.outcome });
          const reRate = new Date(reReview.getTime() + (6 + r.next() * 72) * HOUR);
          if (!until(reRate)) break simulate;
          item.satisfied = r.chance(0.6);
          item.ratedAt = reRate;
          item.closedAt = reRate;
          move(reRate, operator, ItemAction.RATE, ItemStatus.CLOSED, item.satisfied ? undefined : 'Проблема не решена', { satisfied: item.satisfied });
          break simulate;
        }
        item.closedAt = rateAt;
        move(rateAt, operator, ItemAction.RATE, ItemStatus.CLOSED, item.ratingComment, { satisfied: item.satisfied });
      } else {
        if (!until(autoCloseAt)) break simulate;
        item.closedAt = autoCloseAt;
        events.push({ at: autoCloseAt, type: 'AUTO_CLOSED', from: item.status, to: ItemStatus.CLOSED, comment: 'no rating within 10 working days' });
        item.status = ItemStatus.CLOSED;
      }
    }
    measureSpeed(item, calendar);
    for (const e of events) {
      em.create(ItemEvent, {
        municipality,
        item,
        at: e.at,
        actor: e.actor,
        actorLabel: e.actor?.username ?? (e.type === 'CREATED' ? item.source : 'scheduler'),
        type: e.type,
        fromStatus: e.from,
        toStatus: e.to,
        comment: e.comment,
        details: e.details,
        createdAt: e.at,
      });
    }
    created += 1;
    if (created % BATCH === 0) {
      writer.write();
      // Re-attach what the next batch refers to.
      em.merge(municipality);
      for (const x of [...settlements, ...categories, ...departments, ...users]) em.merge(x);
    }
    // Between items, the batch being written takes its next step.
    if (created % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  writer.write();
  await writer.written();
  for (const [year, value] of counters) {
    await em.getConnection().execute(
      `insert into item_counter (key, value) values (?, ?) on conflict (key) do update set value = greatest(item_counter.value, excluded.value)`,
      [`${municipality.id}:${year}`, value],
    );
  }
  // What the scheduler has said by now of the open items, as it says it (jobs/deadline-jobs.ts): each deadline that
  // passed or drew near recorded at its own instant, the notifications one per item and kind, or one digest.
  let scan: ScanResult;
  do scan = await scanDeadlines(em, now);
  while (Math.max(scan.overdue, scan.dueSoon, scan.reviewOverdue) >= DEADLINE_SCAN_BATCH);
  logger.info(`seeded ${created} demo items in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return created;
}
