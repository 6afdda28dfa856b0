import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { codeOf, startTestApp, type GqlResult, type TestApp } from './harness.js';

/**
 * Issue 13 through the API: `classifyText`, the machine's first pass over new items (category, urgency, place),
 * the "to classify" queue, and learning from staff classifications (`classifyItem`, `retrainTextModel`). The test
 * server's base model comes from the test template (test/global-setup.ts), trained on the repository's corpus.
 */

let t: TestApp;
const tok: Record<string, string> = {};
const at = (local: string) => `${local}+03:00`;

async function gql<T>(doc: string, vars: Record<string, unknown> = {}, who = 'head'): Promise<GqlResult<Record<string, T>>> {
  return t.gql<Record<string, T>>(doc, vars, tok[who]);
}

async function ok<T>(doc: string, vars: Record<string, unknown> = {}, who = 'head'): Promise<T> {
  const r = await gql<T>(doc, vars, who);
  expect(r.errors, doc).toBeUndefined();
  return Object.values(r.data!)[0]!;
}

type Classified = {
  sectorCode: string;
  categoryCode: string;
  confidence: number;
  alternatives: { categoryCode: string; confidence: number }[];
  urgent: boolean;
  urgentReasons: string[];
  place: { settlement: { id: string; name: string } | null; locality: { name: string; kind: string } | null; street: string | null; house: string | null; confidence: number } | null;
  modelVersion: string;
};
const CLASSIFY = `query($t: String!, $c: Channel) { classifyText(text: $t, channel: $c) {
  sectorCode categoryCode confidence alternatives { categoryCode confidence } urgent urgentReasons modelVersion
  place { settlement { id name } locality { name kind } street house confidence } } }`;

type Created = {
  id: string;
  version: number;
  urgent: boolean;
  classifiedBy: string | null;
  address: string | null;
  registeredAt: string | null;
  answerDueAt: string | null;
  category: { code: string } | null;
  sector: { code: string } | null;
  settlement: { id: string; name: string } | null;
  machine: { categoryCode: string | null; confidence: number | null; urgent: boolean; urgentReasons: string[]; applied: string[]; modelVersion: string | null } | null;
};
const ITEM_FIELDS = `id version urgent classifiedBy address registeredAt answerDueAt category { code } sector { code } settlement { id name }
  machine { categoryCode confidence urgent urgentReasons applied modelVersion }`;

function create(input: Record<string, unknown>, who = 'head'): Promise<Created> {
  return ok<Created>(`mutation($i: ItemInput!) { createItem(input: $i) { ${ITEM_FIELDS} } }`, {
    i: { kind: 'MESSAGE', channel: 'PHONE', identified: false, ...input },
  }, who);
}

beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['head', 'pos_operator', 'executor']) tok[u] = await t.signInAs(u);
  // A Tuesday, a working day, 10:00 in Volgograd.
  t.clock.set(at('2026-03-10T10:00:00'));
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('classifyText', () => {
  it('answers the category, a calibrated confidence, urgency with its reason and the place of a text', async () => {
    const c = await ok<Classified>(CLASSIFY, { t: 'третий день сидим без света в хуторе Лысове, на улице все дома', c: 'PHONE' });
    expect(c.sectorCode).toBe('ZHKH');
    expect(c.categoryCode).toBe('ZHKH_POWER');
    expect(c.confidence).toBeGreaterThan(0.5);
    expect(c.confidence).toBeLessThanOrEqual(1);
    expect(c.urgent).toBe(true);
    expect(c.urgentReasons).toContain('NO_POWER');
    expect(c.place?.settlement?.name).toBe('Лысовское сельское поселение');
    expect(c.place?.locality).toEqual({ name: 'Лысов', kind: 'хутор' });
    expect(c.modelVersion).toMatch(/^text-/);
  });

  it('finds a locality the head added to a settlement’s gazetteer', async () => {
    const settlements = await ok<{ id: string; name: string; localities: { name: string; kind: string }[] }[]>('{ settlements { id name localities { name kind } } }');
    const lysov = settlements.find((s) => s.name.startsWith('Лысовское'))!;
    const text = 'в хуторе Тополином третий день не горят фонари';
    expect((await ok<Classified>(CLASSIFY, { t: text })).place?.settlement ?? null).toBeNull();
    await ok('mutation($id: ID!, $l: [LocalityInput!]) { updateSettlementGazetteer(id: $id, input: { localities: $l }) { id } }', {
      id: lysov.id,
      l: [...lysov.localities, { name: 'Тополиный', kind: 'хутор' }],
    });
    const after = await ok<Classified>(CLASSIFY, { t: text });
    expect(after.place?.settlement?.id).toBe(lysov.id);
    expect(after.place?.locality).toEqual({ name: 'Тополиный', kind: 'хутор' });
  });

  it('lists alternatives below the answer, most probable first', async () => {
    const c = await ok<Classified>(CLASSIFY, { t: 'во дворе дома яма и не горит фонарь' });
    const confidences = c.alternatives.map((a) => a.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    for (const a of c.alternatives) {
      expect(a.categoryCode).not.toBe(c.categoryCode);
      expect(a.confidence).toBeLessThanOrEqual(c.confidence + 1e-9);
    }
  });

  it('refuses an empty text with BAD_USER_INPUT and an executor with FORBIDDEN', async () => {
    expect(codeOf(await gql(CLASSIFY, { t: '   ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(CLASSIFY, { t: 'нет воды' }, 'executor'))).toBe('FORBIDDEN');
  });
});

describe('the first pass over a new item', () => {
  it('makes an urgent text an urgent item, with the urgent answer deadline (the next working day)', async () => {
    const item = await create({ text: 'в подъезде дома по улице Ленина 12 сильно пахнет газом, соседи боятся' });
    expect(item.urgent).toBe(true);
    expect(item.machine?.urgentReasons).toContain('GAS_SMELL');
    expect(item.machine?.applied).toContain('URGENT');
    // A MESSAGE registered on Tuesday 10:00: urgent, it is due at the end of Wednesday (1 working day).
    expect(new Date(item.answerDueAt!).toISOString()).toBe(new Date(at('2026-03-11T17:00:00')).toISOString());
  });

  it('gives an item naming a хутор in an oblique case that settlement, and the address from the street', async () => {
    const item = await create({ text: 'в хуторе Лысове на улице Садовой не вывозят мусор уже месяц' });
    expect(item.settlement?.name).toBe('Лысовское сельское поселение');
    expect(item.machine?.applied).toContain('SETTLEMENT');
  });

  it('keeps a settlement the operator chose, whatever the text names', async () => {
    const settlements = await ok<{ id: string; name: string }[]>('{ settlements { id name } }');
    const other = settlements.find((s) => s.name.startsWith('Нижнечирское'))!;
    const item = await create({ text: 'в хуторе Лысове не вывозят мусор', settlementId: other.id });
    expect(item.settlement?.id).toBe(other.id);
    expect(item.machine?.applied).not.toContain('SETTLEMENT');
  });

  it('sets a category it is sure of, marked as set by the machine, with its sector', async () => {
    const item = await create({ text: 'из крана течёт ржавая вода, пить невозможно, прошу проверить качество воды' });
    if (item.machine!.confidence! >= 0.8) {
      expect(item.classifiedBy).toBe('MACHINE');
      expect(item.category?.code).toBe(item.machine!.categoryCode);
      expect(item.machine!.applied).toContain('CATEGORY');
      expect(item.sector?.code).toBe('ZHKH');
    } else {
      expect(item.classifiedBy).toBeNull();
    }
    expect(item.machine!.categoryCode).toMatch(/^ZHKH_/);
  });

  it('leaves a text it is not sure of without a category, in the TO_CLASSIFY queue', async () => {
    const item = await create({ text: 'прошу разобраться с ситуацией, которая длится уже давно' });
    expect(item.machine!.confidence!).toBeLessThan(0.8);
    expect(item.classifiedBy).toBeNull();
    expect(item.category).toBeNull();
    const queue = await ok<{ nodes: { id: string }[] }>('{ items(first: 100, filter: { queue: TO_CLASSIFY }) { nodes { id } } }');
    expect(queue.nodes.map((n) => n.id)).toContain(item.id);
    const counts = await ok<{ TO_CLASSIFY: number }>('{ itemQueueCounts { TO_CLASSIFY } }');
    expect(counts.TO_CLASSIFY).toBeGreaterThanOrEqual(1);
  });

  it('keeps the category that came with the item (classifiedBy SOURCE)', async () => {
    const item = await create({ text: 'не горит фонарь во дворе', categoryCode: 'ZHKH_WATER' });
    expect(item.category?.code).toBe('ZHKH_WATER');
    expect(item.classifiedBy).toBe('SOURCE');
    expect(item.machine!.applied).not.toContain('CATEGORY');
  });

  it('reads ingested items too: a fallen wire near children makes an ingested message urgent', async () => {
    const token = await ok<{ token: string }>(
      'mutation { createApiToken(input: { name: "text-ingest", kind: INTEGRATOR, scopes: [ITEMS_INGEST, ITEMS_READ] }) { token } }',
    );
    const r = await t.gql<{ ingestItems: { results: { item: { id: string; urgent: boolean; settlement: { name: string } | null } | null; error: unknown }[] } }>(
      `mutation($i: [IngestItemInput!]!) { ingestItems(items: $i) { results { error { code } item { id urgent settlement { name } } } } }`,
      { i: [{ kind: 'MESSAGE', channel: 'EMAIL', source: 'mail', externalId: 'text-1', identified: false, receivedAt: new Date(at('2026-03-10T09:00:00')).toISOString(), text: 'на улице Ленина упал провод, искрит, дети ходят рядом' }] },
      token.token,
    );
    expect(r.errors).toBeUndefined();
    const item = r.data!.ingestItems.results[0]!.item!;
    expect(item.urgent).toBe(true);
  });
});

describe('learning from staff', () => {
  it('keeps a staff correction as a labelled example, and a retrain changes the answer for that text', { timeout: 240_000 }, async () => {
    const text = 'у нас во дворе третью неделю стоит лужа, дети не могут пройти к площадке';
    const before = await ok<Classified>(CLASSIFY, { t: text });
    // The person files it under another category than the machine's: a correction.
    const target = before.categoryCode === 'LAND_YARDS' ? 'ROADS_REPAIR' : 'LAND_YARDS';
    const item = await create({ text });
    const classified = await ok<Created>(
      `mutation($id: ID!, $v: Int!, $i: ClassifyInput!) { classifyItem(id: $id, version: $v, input: $i) { ${ITEM_FIELDS} } }`,
      { id: item.id, v: item.version, i: { categoryCode: target, urgent: false } },
      'pos_operator',
    );
    expect(classified.category?.code).toBe(target);
    expect(classified.classifiedBy).toBe('STAFF');
    const model = await ok<{ newStaffExamples: number; municipal: boolean }>('{ textModel { newStaffExamples municipal } }');
    expect(model.newStaffExamples).toBe(1);
    expect(model.municipal).toBe(false);

    const started = await ok<{ version: string; retraining: boolean }>('mutation { retrainTextModel { version retraining } }');
    expect(started.retraining).toBe(true);
    // The retraining runs off the request: wait until the municipality's own model answers.
    let retrained: { version: string; staffExamples: number; municipal: boolean; retraining: boolean; trainingMs: number | null };
    await vi.waitUntil(
      async () => {
        retrained = await ok('{ textModel { version staffExamples municipal retraining trainingMs } }');
        return retrained.municipal && !retrained.retraining;
      },
      { timeout: 200_000, interval: 500 },
    );
    retrained = retrained!;
    expect(retrained.version).not.toBe(started.version);
    expect(retrained.staffExamples).toBe(1);
    // Trained here, so timed here (only a base model read from a cache has no time).
    expect(retrained.trainingMs).toBeGreaterThan(0);
    const after = await ok<Classified>(CLASSIFY, { t: text });
    expect(after.modelVersion).toBe(retrained.version);
    expect(after.categoryCode).toBe(target);
  });

  it('refuses an urgent classification into a category that cannot be urgent, and does not show an executor an item of no department of theirs', async () => {
    const item = await create({ text: 'прошу убрать мусор у остановки' });
    const notUrgentCapable = 'CULT_EVENTS';
    const r = await gql(
      `mutation($id: ID!, $v: Int!, $i: ClassifyInput!) { classifyItem(id: $id, version: $v, input: $i) { id } }`,
      { id: item.id, v: item.version, i: { categoryCode: notUrgentCapable, urgent: true } },
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const e = await gql(
      `mutation($id: ID!, $v: Int!, $i: ClassifyInput!) { classifyItem(id: $id, version: $v, input: $i) { id } }`,
      { id: item.id, v: item.version, i: { categoryCode: 'LAND_YARDS', urgent: false } },
      'executor',
    );
    expect(codeOf(e)).toBe('NOT_FOUND');
  });
});

describe('duplicates', () => {
  it('proposes a near-duplicate for a text being registered and on the card, and merges it in one click', async () => {
    const first = await create({ text: 'в хуторе Лысове на улице Садовой не вывозят мусор уже месяц, контейнеры переполнены' });
    const settlementId = first.settlement!.id;
    const typed = 'на улице Садовой в хуторе Лысове месяц не вывозят мусор, контейнеры переполнены, запах';
    type Candidate = { item: { id: string }; similarity: number; samePlace: boolean; sameCategory: boolean };
    const offered = await ok<Candidate[]>(
      'query($t: String!, $s: ID) { likelyDuplicates(text: $t, settlementId: $s) { item { id } similarity samePlace sameCategory } }',
      { t: typed, s: settlementId },
      'pos_operator',
    );
    expect(offered[0]?.item.id).toBe(first.id);
    expect(offered[0]?.similarity).toBeGreaterThanOrEqual(0.3);
    expect(offered[0]?.samePlace).toBe(true);

    const second = await create({ text: typed }, 'pos_operator');
    const card = await ok<{ likelyDuplicates: Candidate[] }>('query($id: ID!) { item(id: $id) { likelyDuplicates { item { id } similarity samePlace } } }', { id: second.id });
    expect(card.likelyDuplicates.map((c) => c.item.id)).toContain(first.id);
    expect(card.likelyDuplicates.map((c) => c.item.id)).not.toContain(second.id);

    const merged = await ok<{ status: string; parent: { id: string } | null }>(
      'mutation($id: ID!, $v: Int!, $p: ID!) { mergeItem(id: $id, version: $v, parentId: $p) { status parent { id } } }',
      { id: second.id, v: second.version, p: first.id },
      'pos_operator',
    );
    expect(merged).toEqual({ status: 'MERGED', parent: { id: first.id } });
    // Merged, it is no longer offered; the main item no longer offers its own duplicate.
    const again = await ok<{ likelyDuplicates: Candidate[] }>('query($id: ID!) { item(id: $id) { likelyDuplicates { item { id } } } }', { id: first.id });
    expect(again.likelyDuplicates.map((c) => c.item.id)).not.toContain(second.id);
  });

  it('groups posts of one social-media incident: a like post of the same place within hours becomes the first one’s duplicate', async () => {
    const post = (text: string, hour: string) =>
      create({ kind: 'INCIDENT', channel: 'SOCIAL_VK', text, receivedAt: new Date(at(`2026-03-10T${hour}:00:00`)).toISOString() });
    const first = await post('в хуторе Лысове на улице Садовой прорвало трубу, вода заливает дорогу, никто не едет', '08');
    const second = await post('в хуторе Лысове на улице Садовой прорвало трубу вода заливает дорогу никто не едет!!!', '09');
    const other = await post('в хуторе Лысове на улице Садовой третий день не вывозят мусор, контейнеры переполнены', '09');
    const read = (id: string) => ok<{ status: string; parent: { id: string } | null; history: { type: string; details: Record<string, unknown> | null }[] }>(
      'query($id: ID!) { item(id: $id) { status parent { id } history { type details } } }',
      { id },
    );
    const grouped = await read(second.id);
    expect(grouped.status).toBe('MERGED');
    expect(grouped.parent?.id).toBe(first.id);
    expect(grouped.history.find((h) => h.type === "MERGE")?.details).toMatchObject({ byMachine: true });
    expect((await read(other.id)).status).not.toBe('MERGED');
    expect((await read(first.id)).status).not.toBe('MERGED');
  });

  it('offers nothing for a text unlike any open item', async () => {
    const offered = await ok<unknown[]>('query($t: String!) { likelyDuplicates(text: $t) { similarity } }', { t: 'прошу предоставить сведения о работе библиотеки в праздничные дни' });
    expect(offered).toEqual([]);
  });
});

describe('the answer check', () => {
  it('shows the reviewer what a machine sees in an answer: only laws and off the topic, and nothing in a concrete one', async () => {
    const departments = await ok<{ id: string; code: string }[]>('{ departments { id code } }');
    const housing = departments.find((d) => d.code === 'housing')!.id;
    const answerWith = async (answer: string) => {
      const item = await create({ text: 'в хуторе Лысове на улице Садовой третий месяц течёт крыша подъезда, прошу отремонтировать', categoryCode: 'ZHKH_MKD' });
      const assigned = await ok<{ version: number }>(`mutation($id: ID!, $v: Int!) { assignItem(id: $id, version: $v, input: { departmentId: "${housing}" }) { version } }`, { id: item.id, v: item.version });
      const started = await ok<{ version: number }>('mutation($id: ID!, $v: Int!) { startItem(id: $id, version: $v) { version } }', { id: item.id, v: assigned.version });
      const submitted = await ok<{ answers: { status: string; checks: { code: string; reason: string; message: string }[] }[] }>(
        'mutation($id: ID!, $v: Int!, $t: String!) { submitAnswer(id: $id, version: $v, input: { text: $t }) { answers { status checks { code reason message } } } }',
        { id: item.id, v: started.version, t: answer },
      );
      return submitted.answers.find((a) => a.status === 'ON_REVIEW')!.checks;
    };
    const vague = await answerWith('Ваше обращение рассмотрено в соответствии с Федеральным законом от 02.05.2006 № 59-ФЗ и статьёй 161 Жилищного кодекса Российской Федерации.');
    expect(vague.map((c) => c.code)).toEqual(expect.arrayContaining(['ONLY_LAWS', 'OFF_TOPIC']));
    expect(vague.find((c) => c.code === 'ONLY_LAWS')?.reason).toBe('LAWS_NOT_EXPLAINED');
    expect(vague.every((c) => c.message.length > 0)).toBe(true);
    const concrete = await answerWith(
      'Сообщаем, что 20 марта 2026 года бригада управляющей компании отремонтирует кровлю над подъездом дома на улице Садовой в хуторе Лысов; до этого течь закрыта временно.',
    );
    expect(concrete).toEqual([]);
  });
});
