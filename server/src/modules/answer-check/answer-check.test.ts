import { describe, expect, it } from 'vitest';
import { BOILERPLATE_SIMILARITY, checkAnswer, findDates, findMeasures, type AnswerCheckInput } from './answer-check.js';
import { trigrams, trigramSimilarity } from './similarity.js';

/**
 * The answer check (docs/text.md, "Answer check"): answers written as МЦУ departments write them. A good answer gives
 * no finding; each bad one has one defect and gives exactly that finding.
 */

const codes = (input: AnswerCheckInput) => checkAnswer(input).map((f) => f.code);

const ROAD_Q = 'На улице Ленина возле дома 12 огромные ямы на дороге, машины бьют колёса, просим отремонтировать';
const TRASH_Q = 'По улице Мира 5 уже неделю не вывозят мусор, контейнеры переполнены, вокруг разлетаются пакеты';
const WATER_Q = 'В хуторе Лысове второй день нет воды, из крана ничего не идёт, жители набирают воду в колонке';
const LIGHT_Q = 'На улице Победы не горят фонари уличного освещения, вечером темно, дети идут из школы в темноте';
const TREE_Q = 'Во дворе дома 3 по улице Шолохова сухое дерево наклонилось над детской площадкой, может упасть';
const HEAT_Q = 'В доме 7 по улице Октябрьской батареи еле тёплые, в квартирах 16 градусов, отопление не справляется';

describe('good answers: no findings', () => {
  it('a road repair done on a named date at the named street gives no finding', () => {
    expect(
      codes({
        question: ROAD_Q,
        place: { street: 'ул. Ленина', house: '12' },
        category: 'Дороги и тротуары',
        answer:
          'На Ваше обращение от 12.11.2026 № 345 сообщаем, что 20.11.2026 на ул. Ленина у дома 12 выполнен ямочный ремонт ' +
          'дорожного покрытия, уложено 14 м² асфальтобетона.',
      }),
    ).toEqual([]);
  });

  it('a brigade sent and water restored with a time gives no finding, and "в хуторе Лысове" matches the хутор Лысов', () => {
    expect(
      codes({
        question: WATER_Q,
        place: { locality: 'х. Лысов' },
        category: 'Водоснабжение',
        answer:
          'По Вашему обращению 28.11.2026 в хутор Лысов направлена аварийная бригада МУП «Водоканал». Причина — порыв ' +
          'водовода на ул. Центральной. Порыв устранён, водоснабжение в хуторе Лысове восстановлено 28.11.2026 в 18:40.',
      }),
    ).toEqual([]);
  });

  it('rubbish taken away (a completed measure) needs no further deadline', () => {
    expect(
      codes({
        question: TRASH_Q,
        place: { street: 'ул. Мира', house: '5' },
        category: 'Вывоз мусора и ТКО',
        answer:
          'Сообщаем, что региональный оператор вывез мусор с контейнерной площадки на ул. Мира, 5; площадка очищена, ' +
          'переполненные контейнеры заменены на новые. Фотографии прилагаются.',
      }),
    ).toEqual([]);
  });

  it('street lamps to be replaced by a stated day ("до 15 декабря 2026 г.") give no finding', () => {
    expect(
      codes({
        question: LIGHT_Q,
        place: { street: 'ул. Победы' },
        category: 'Уличное освещение',
        answer:
          'Обследование линии уличного освещения на ул. Победы показало, что вышли из строя 6 светильников. Подрядчиком ' +
          'ООО «Светосервис» светильники будут заменены до 15 декабря 2026 г.',
      }),
    ).toEqual([]);
  });

  it('a tree to be felled "в течение 10 дней" gives no finding', () => {
    expect(
      codes({
        question: TREE_Q,
        place: { street: 'ул. Шолохова', house: '3' },
        category: 'Зелёные насаждения',
        answer:
          'Комиссия осмотрела дерево во дворе дома 3 по ул. Шолохова и признала его аварийным. Аварийное дерево будет ' +
          'спилено МБУ «Благоустройство» в течение 10 дней, порубочные остатки вывезут в тот же день.',
      }),
    ).toEqual([]);
  });

  it('a heating main repair planned "в 2027 году" gives no finding', () => {
    expect(
      codes({
        question: HEAT_Q,
        place: { street: 'ул. Октябрьская', house: '7' },
        category: 'Отопление',
        answer:
          'Теплоснабжающая организация провела замеры: температура в квартирах дома 7 по ул. Октябрьской 17–18 °C. ' +
          'Промыта система отопления дома, отрегулирован элеватор. Замена изношенного участка теплотрассы включена в ' +
          'инвестиционную программу и запланирована в 2027 году.',
      }),
    ).toEqual([]);
  });

  it('a law explained and followed by an order with a deadline is not "only laws"', () => {
    expect(
      codes({
        question:
          'Управляющая компания не убирает подъезд в доме 9 по улице Ленина, полы грязные, мусор на лестнице месяцами',
        place: { street: 'ул. Ленина', house: '9' },
        category: 'Содержание МКД, управляющие компании, капремонт',
        answer:
          'Согласно ст. 161 Жилищного кодекса РФ уборку подъездов обязана выполнять управляющая компания за счёт платы ' +
          'за содержание жилья. Инспекцией проведена проверка дома 9 по ул. Ленина, ООО «УК Дом» выдано предписание ' +
          'об уборке подъездов в срок до 20.12.2026.',
      }),
    ).toEqual([]);
  });

  it('a snow-cleared street ("очищена от снега") gives no finding', () => {
    expect(
      codes({
        question: 'Улицу Садовую совсем замело, машина скорой не проедет, снег никто не чистит',
        place: { street: 'ул. Садовая' },
        category: 'Дороги и тротуары',
        answer: 'Сообщаем, что 01.12.2026 проезжая часть ул. Садовой очищена от снега грейдером, обочины посыпаны песком.',
      }),
    ).toEqual([]);
  });

  it('an open manhole closed the same day gives no finding', () => {
    expect(
      codes({
        question: 'На перекрёстке улиц Мира и Гоголя открытый канализационный люк, можно провалиться',
        place: { street: 'ул. Мира' },
        category: 'Водоотведение и канализация',
        answer:
          'Сотрудники МУП «Водоканал» выехали на место в день обращения: канализационный люк на пересечении ул. Мира ' +
          'и ул. Гоголя закрыт новой крышкой, место огорожено до окончания работ.',
      }),
    ).toEqual([]);
  });

  it('new swings to be installed "в течение двух недель" give no finding', () => {
    expect(
      codes({
        question: 'На детской площадке на улице Гагарина сломаны качели, дети могут пораниться',
        place: { street: 'ул. Гагарина' },
        category: 'Детские и спортивные площадки',
        answer:
          'Сломанные качели на детской площадке по ул. Гагарина демонтированы 27.11.2026. В течение двух недель будут ' +
          'установлены новые качели, приобретённые по муниципальному контракту.',
      }),
    ).toEqual([]);
  });

  it('a gas supply answer planned "в IV квартале" gives no finding', () => {
    expect(
      codes({
        question: 'Когда проведут газ на улицу Степную в хуторе Лысове, обещают уже несколько лет',
        place: { locality: 'х. Лысов', street: 'ул. Степная' },
        category: 'Газоснабжение',
        answer:
          'Строительство газопровода низкого давления по ул. Степной в х. Лысов включено в программу газификации ' +
          'Волгоградской области. Подрядчик определён, работы по прокладке газопровода будут выполнены в IV квартале ' +
          '2027 года.',
      }),
    ).toEqual([]);
  });

  it('a grass-cutting answer with a past date gives no finding', () => {
    expect(
      codes({
        question: 'Вдоль тротуара по улице Гагарина трава по пояс, не пройти, клещи',
        place: { street: 'ул. Гагарина' },
        category: 'Благоустройство',
        answer: 'Покос травы вдоль тротуара по ул. Гагарина выполнен 12.08.2026, скошенная трава вывезена.',
      }),
    ).toEqual([]);
  });
  it('an indirect question ("сидим без света") is matched through its category\'s name (Электроснабжение)', () => {
    const input = {
      question: 'третий день сидим без света на улице Ленина, холодильник потёк',
      place: { street: 'ул. Ленина' },
      answer:
        'Сообщаем, что 29.11.2026 бригада ПАО «Россети Юг» заменила повреждённый участок ВЛ-0,4 кВ на ул. Ленина, ' +
        'электроснабжение восстановлено в 16:20.',
    };
    expect(codes({ ...input, category: 'Электроснабжение' })).toEqual([]);
    expect(codes(input)).toEqual(['OFF_TOPIC']); // without the category the words "свет" and "электроснабжение" meet nowhere
  });

  it('stray dogs caught by a contractor ("провела отлов", "отловлено") give no finding', () => {
    expect(
      codes({
        question: 'Бродячие собаки стаей бросаются на детей у школы на улице Ленина',
        place: { street: 'ул. Ленина' },
        answer:
          'По заявке администрации 27.11.2026 специализированная организация провела отлов безнадзорных собак у школы ' +
          '№ 1 на ул. Ленина, отловлено 5 животных.',
      }),
    ).toEqual([]);
  });
});

describe('no date or deadline: exactly NO_DATE', () => {
  it('"в ближайшее время" is not a date', () => {
    const findings = checkAnswer({
      question: ROAD_Q,
      place: { street: 'ул. Ленина' },
      answer: 'Ямочный ремонт дороги по ул. Ленина будет выполнен подрядной организацией в ближайшее время.',
    });
    expect(findings.map((f) => f.code)).toEqual(['NO_DATE']);
    expect(findings[0]).toMatchObject({ reason: 'NO_DATE_OR_MEASURES', evidence: 'в ближайшее время' });
  });

  it('"в порядке очерёдности" is not a date', () => {
    expect(
      codes({
        question: LIGHT_Q,
        place: { street: 'ул. Победы' },
        answer: 'Замена светильников уличного освещения на ул. Победы будет выполнена в порядке очерёдности.',
      }),
    ).toEqual(['NO_DATE']);
  });

  it('"по мере финансирования" is not a date', () => {
    expect(
      codes({
        question: ROAD_Q,
        place: { street: 'ул. Ленина' },
        answer: 'Асфальтирование дороги по ул. Ленина будет выполнено по мере поступления финансирования из областного бюджета.',
      }),
    ).toEqual(['NO_DATE']);
  });

  it('a promised order with no date at all gives NO_DATE', () => {
    expect(
      codes({
        question: LIGHT_Q,
        place: { street: 'ул. Победы' },
        answer: 'Подрядчику будет направлено предписание о замене светильников уличного освещения на ул. Победы.',
      }),
    ).toEqual(['NO_DATE']);
  });

  it('the date of the citizen\'s letter ("обращение от 12.11.2026") is not a deadline', () => {
    expect(
      codes({
        question: TRASH_Q,
        place: { street: 'ул. Мира' },
        answer:
          'На Ваше обращение от 12.11.2026 сообщаем, что вывоз мусора с площадки на ул. Мира будет организован ' +
          'региональным оператором в установленном порядке, контейнеры будут заменены.',
      }),
    ).toEqual(['NO_DATE']);
  });
});

describe('no concrete measure: exactly NO_MEASURE', () => {
  it('"обращение рассмотрено, вопрос взят на контроль" is no measure', () => {
    expect(
      codes({
        question: ROAD_Q,
        place: { street: 'ул. Ленина' },
        answer: 'Ваше обращение о ямах на дороге по ул. Ленина рассмотрено 20.11.2026, вопрос взят на контроль.',
      }),
    ).toEqual(['NO_MEASURE']);
  });

  it('"информация принята к сведению" is no measure', () => {
    expect(
      codes({
        question: TRASH_Q,
        place: { street: 'ул. Мира' },
        answer:
          'Информация о несвоевременном вывозе мусора с площадки на ул. Мира принята к сведению и 25.11.2026 доведена ' +
          'до регионального оператора.',
      }),
    ).toEqual(['NO_MEASURE']);
  });

  it('"направлен запрос" (paper, not work) is no measure', () => {
    expect(
      codes({
        question: WATER_Q,
        place: { locality: 'х. Лысов' },
        answer:
          'По вопросу отсутствия воды в х. Лысов 29.11.2026 направлен запрос в МУП «Водоканал». О результатах Вам ' +
          'сообщат дополнительно.',
      }),
    ).toEqual(['NO_MEASURE']);
  });

  it('"будут приняты необходимые меры" is no measure, even with a date', () => {
    expect(
      codes({
        question: LIGHT_Q,
        place: { street: 'ул. Победы' },
        answer: 'До 15.12.2026 будут приняты необходимые меры по вопросу освещения ул. Победы.',
      }),
    ).toEqual(['NO_MEASURE']);
  });
});

describe('only references to laws: exactly ONLY_LAWS', () => {
  it('an answer of citations of 131-ФЗ, the Housing Code and a resolution is "only laws"', () => {
    const findings = checkAnswer({
      question: 'Кто должен содержать детскую площадку во дворе многоквартирного дома, она вся разбита',
      category: 'Детские и спортивные площадки',
      answer:
        'В соответствии с п. 25 ч. 1 ст. 16 Федерального закона от 06.10.2003 № 131-ФЗ «Об общих принципах организации ' +
        'местного самоуправления в Российской Федерации», ст. 36 и ст. 161 Жилищного кодекса РФ, постановлением ' +
        'Правительства РФ от 13.08.2006 № 491 содержание детской площадки, расположенной на придомовой территории, ' +
        'относится к содержанию общего имущества. Правила благоустройства территории поселения утверждены решением ' +
        'Думы № 12/45.',
    });
    expect(findings.map((f) => f.code)).toEqual(['ONLY_LAWS']);
    expect(findings[0]!.reason).toBe('LAWS_NOT_EXPLAINED');
  });

  it('an answer on a tariff that only quotes 59-ФЗ and the Civil Code is "only laws"', () => {
    expect(
      codes({
        question: 'Почему тариф на вывоз мусора вырос в два раза, кто его утверждал',
        category: 'Вывоз мусора и ТКО',
        answer:
          'Ваше обращение рассмотрено в порядке, установленном Федеральным законом от 02.05.2006 № 59-ФЗ. Тарифы на ' +
          'услугу по обращению с ТКО устанавливаются в соответствии со ст. 24.9 Федерального закона № 89-ФЗ и ' +
          'постановлением Правительства РФ № 484, расчёты производятся согласно ст. 544 Гражданского кодекса РФ.',
      }),
    ).toEqual(['ONLY_LAWS']);
  });
});

describe('boilerplate copied from another answer: exactly BOILERPLATE', () => {
  const earlier =
    'Сообщаем, что 18.11.2026 на ул. Мира у дома 5 выполнен ямочный ремонт дорожного покрытия, уложено 10 м² ' +
    'асфальтобетона. Работы выполнены подрядной организацией ООО «Дорстрой» в рамках муниципального контракта.';

  it('the same text with another street and date is a copy', () => {
    const findings = checkAnswer({
      question: ROAD_Q,
      place: { street: 'ул. Ленина' },
      otherAnswers: ['Мусор вывезен 01.11.2026.', earlier],
      answer:
        'Сообщаем, что 20.11.2026 на ул. Ленина у дома 12 выполнен ямочный ремонт дорожного покрытия, уложено 10 м² ' +
        'асфальтобетона. Работы выполнены подрядной организацией ООО «Дорстрой» в рамках муниципального контракта.',
    });
    expect(findings.map((f) => f.code)).toEqual(['BOILERPLATE']);
    expect(findings[0]!.evidence).toBe(earlier.slice(0, 117) + '…');
  });

  it('an answer of its own on the same topic is not a copy', () => {
    expect(
      codes({
        question: ROAD_Q,
        place: { street: 'ул. Ленина', house: '12' },
        otherAnswers: [earlier],
        answer:
          'Ямы на ул. Ленина у дома 12 заделаны 20.11.2026 литым асфальтом бригадой МБУ «Благоустройство». Полный ' +
          'ремонт участка включён в план дорожных работ на 2027 год.',
      }),
    ).toEqual([]);
  });
});

describe('does not address the question: exactly OFF_TOPIC or PLACE_MISSING', () => {
  it('a road-repair answer to a question about rubbish is off topic', () => {
    expect(
      codes({
        question: TRASH_Q,
        place: { street: 'ул. Мира' },
        answer: 'Сообщаем, что 20.11.2026 на ул. Мира выполнен ямочный ремонт дорожного покрытия, уложено 10 м² асфальта.',
      }),
    ).toEqual(['OFF_TOPIC']);
  });

  it('a street-lighting answer to a question about heating is off topic', () => {
    expect(
      codes({
        question: HEAT_Q,
        place: { street: 'ул. Октябрьская' },
        answer: 'На ул. Октябрьской 25.11.2026 заменены 4 светильника уличного освещения, линия включена.',
      }),
    ).toEqual(['OFF_TOPIC']);
  });

  it('an answer naming another хутор than the one of the question misses the place', () => {
    const findings = checkAnswer({
      question: WATER_Q,
      place: { locality: 'х. Лысов' },
      category: 'Водоснабжение',
      answer:
        'В х. Верхнесолоновский 28.11.2026 направлена аварийная бригада, порыв водовода устранён, водоснабжение ' +
        'восстановлено в тот же день в 17:00.',
    });
    expect(findings.map((f) => f.code)).toEqual(['PLACE_MISSING']);
    expect(findings[0]).toMatchObject({ reason: 'FORMAL_NOT_ON_MERITS', evidence: 'х. Лысов' });
  });

  it('an answer about the right topic at no address misses the street', () => {
    expect(
      codes({
        question: LIGHT_Q,
        place: { street: 'ул. Победы' },
        category: 'Уличное освещение',
        answer: '25.11.2026 электромонтёры заменили перегоревшие лампы уличного освещения, фонари горят.',
      }),
    ).toEqual(['PLACE_MISSING']);
  });

  it('the street is found in another case ("по ул. Шолохова" for "улица Шолохова")', () => {
    expect(
      codes({
        question: TREE_Q,
        place: { street: 'улица Шолохова' },
        answer: 'Аварийное дерево во дворе дома 3 по ул. Шолохова спилено 26.11.2026.',
      }),
    ).toEqual([]);
  });
});

describe('a formal reply trips several checks at once', () => {
  it('"обращение рассмотрено, информация принята к сведению" gives NO_MEASURE, NO_DATE and OFF_TOPIC', () => {
    expect(
      codes({ question: ROAD_Q, answer: 'Ваше обращение рассмотрено. Информация принята к сведению.' }),
    ).toEqual(['NO_MEASURE', 'NO_DATE', 'OFF_TOPIC']);
  });
});

describe('deadline already passed: exactly DEADLINE_PASSED', () => {
  const input = {
    question: ROAD_Q,
    place: { street: 'ул. Ленина' },
    answer: 'Ямочный ремонт дороги на ул. Ленина будет выполнен подрядчиком в срок до 01.12.2026.',
  };

  it('a promised date before today gives DEADLINE_PASSED; without now the check is skipped', () => {
    expect(codes({ ...input, now: new Date('2026-12-02T09:00:00Z'), zone: 'Europe/Volgograd' })).toEqual([
      'DEADLINE_PASSED',
    ]);
    expect(codes(input)).toEqual([]);
  });

  it('today is taken in the given zone: 22:30 UTC on 1 December is already 2 December in Volgograd (UTC+3)', () => {
    const now = new Date('2026-12-01T22:30:00Z');
    expect(codes({ ...input, now, zone: 'Europe/Volgograd' })).toEqual(['DEADLINE_PASSED']);
    expect(codes({ ...input, now, zone: 'UTC' })).toEqual([]);
  });

  it('a date of work already done is not a promise and is never "passed"', () => {
    expect(
      codes({
        question: ROAD_Q,
        place: { street: 'ул. Ленина' },
        now: new Date('2026-12-02T09:00:00Z'),
        answer: 'Ямочный ремонт дороги на ул. Ленина выполнен 20.11.2026.',
      }),
    ).toEqual([]);
  });
});

describe('findDates: what counts as a date or deadline', () => {
  it.each([
    'работы будут выполнены до 15 декабря',
    'в срок до 01.12.2026',
    'в течение 10 дней',
    'в течение двух недель',
    'в 2027 году',
    'в iv квартале',
    'во 2 квартале 2027 г.',
    'до конца декабря',
    'завтра',
    'до 18:00',
  ])('"%s" counts as a date', (phrase) => {
    expect(findDates(phrase)).not.toEqual([]);
  });

  it.each([
    'в ближайшее время',
    'в порядке очередности',
    'по мере финансирования',
    'на ваше обращение от 12.11.2026',
    'федеральный закон от 06.10.2003 № 131-фз',
  ])('"%s" does not count as a date', (phrase) => {
    expect(findDates(phrase)).toEqual([]);
  });
});

describe('findMeasures: verbs of action with an object', () => {
  it.each(['выполнен ремонт', 'направлена бригада', 'заменены трубы', 'подрядчик заменил трубы', 'мусор вывезен'])(
    '"%s" is a measure',
    (phrase) => {
      expect(findMeasures(phrase)).not.toEqual([]);
    },
  );

  it.each([
    'вопрос рассмотрен',
    'информация принята к сведению',
    'направлена информация в управляющую компанию',
    'вопрос о замене труб на контроле',
    'ремонт не выполнен',
    'будут приняты необходимые меры',
    'установлено, что труба исправна',
  ])('"%s" is no measure', (phrase) => {
    expect(findMeasures(phrase)).toEqual([]);
  });
});

describe('trigram similarity as pg_trgm computes it', () => {
  it("gives pg_trgm's trigrams of 'word' and similarity('word', 'two words') = 4/11", () => {
    expect([...trigrams('word')].sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor']);
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(4 / 11, 6);
  });

  it('is 1 for the same text in other case and punctuation, 0 for texts with no shared trigram', () => {
    expect(trigramSimilarity('Ремонт выполнен.', 'ремонт, выполнен')).toBe(1);
    expect(trigramSimilarity('абв', 'где')).toBe(0);
    expect(BOILERPLATE_SIMILARITY).toBeGreaterThan(0.3); // above pg_trgm's default "similar" threshold
  });
});
