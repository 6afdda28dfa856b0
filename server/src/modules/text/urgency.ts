import { stem, words } from './features.js';

/**
 * Why a text is urgent, in the words of issue 13's definition. The decision is the urgency model's (classifier.ts);
 * these patterns name its reasons and, for the four dangers that no planned work or past event explains (a gas
 * smell, a fallen wire, a fire, an open manhole), make a text urgent even when the model doubts. A pattern is a list
 * of alternatives, each a list of stem sets that must all occur in the text; a stem matches by prefix, or exactly
 * when written with `=` (so `=гор` is "горит" and not "город").
 */
export type UrgentReason =
  | 'GAS_SMELL'
  | 'FALLEN_WIRE'
  | 'FIRE'
  | 'OPEN_MANHOLE'
  | 'NO_WATER'
  | 'NO_HEATING'
  | 'NO_POWER'
  | 'NO_GAS'
  | 'FLOODING'
  | 'COLLAPSE'
  | 'CHILD_DANGER'
  /** The model found the text urgent and no pattern names why. */
  | 'MODEL';

/** `unless`: stems whose presence cancels the pattern (a lamp "горит" without any fire). */
type Pattern = { reason: UrgentReason; forces: boolean; all: string[][]; unless?: string[] };

/** The reasons a pattern can give (all but `MODEL`), in a fixed order: the urgency decision weighs each. */
export const URGENT_PATTERN_REASONS: readonly UrgentReason[] = [
  'GAS_SMELL',
  'FALLEN_WIRE',
  'FIRE',
  'OPEN_MANHOLE',
  'NO_WATER',
  'NO_HEATING',
  'NO_POWER',
  'NO_GAS',
  'FLOODING',
  'COLLAPSE',
  'CHILD_DANGER',
];

const NO = ['=нет', '=без', 'отсутств', 'отключ', '=ни'];

const PATTERNS: Pattern[] = [
  { reason: 'GAS_SMELL', forces: true, all: [['газ'], ['пахн', '=зап', 'запах', 'воня', 'шипен', 'утечк']] },
  { reason: 'FALLEN_WIRE', forces: true, all: [['провод'], ['оборва', '=обр', 'обрыв', 'упа', 'лежит', 'искр', 'виси', '=вис']] },
  // "пожар", "загорелся", "огонь", "пламя" force; "горит" and "дым" (a boiler house smokes) only name it, and
  // "горит" of a street lamp, a bulb or a floodlight (burning by day, not burning at night) names nothing.
  { reason: 'FIRE', forces: true, all: [['=пожар', 'загорел', 'огон', '=огн', 'пламя']] },
  { reason: 'FIRE', forces: false, all: [['=гор', 'горел', '=дым', '=гар']], unless: ['фонар', 'ламп', 'светильник', 'освещен', 'прожектор', 'лампочк'] },
  { reason: 'OPEN_MANHOLE', forces: true, all: [['=люк'], ['откр', 'крышк']] },
  { reason: 'NO_WATER', forces: false, all: [[...NO, 'сух', 'капл'], ['=вод', 'водоснабжен', 'кран', 'водопровод']] },
  { reason: 'NO_HEATING', forces: false, all: [[...NO, 'холодн', 'ледян', 'остановил', 'замерза'], ['отоплен', '=тепл', 'батар', 'радиатор', 'котельн']] },
  { reason: 'NO_POWER', forces: false, all: [[...NO, 'обесточ'], ['=свет', 'электр']] },
  { reason: 'NO_GAS', forces: false, all: [[...NO], ['газ']] },
  { reason: 'FLOODING', forces: false, all: [['затоп', 'залива', 'подтоп', 'паводк', 'наводнен', 'нечистот']] },
  { reason: 'COLLAPSE', forces: false, all: [['обвал', '=обва', 'обруш', 'рухнул', 'провал', 'просел', 'треснул', 'трещин']] },
  {
    reason: 'CHILD_DANGER',
    forces: false,
    all: [['ребен', 'ребенк', '=дет', 'детск', 'мальчик', 'девочк', 'школьник'], ['опасн', 'угроз', 'покуса', 'кида', 'напада', 'поран', 'порезал', 'арматур', 'температур']],
  },
];

function matches(stems: readonly string[], needle: string): boolean {
  if (needle.startsWith('=')) {
    const exact = needle.slice(1);
    return stems.some((s) => s === exact);
  }
  return stems.some((s) => s.startsWith(needle));
}

/**
 * What turns a loss of service into no emergency: work announced in advance, an outage that is over, a bill. Issue
 * 13's hard negatives ("плановое отключение", "на прошлой неделе не было света", "перерасчёт за воду").
 */
const MITIGATING = ['планов', 'объявлен', 'прошл', 'перерасчет', 'квитанц', 'начислен', 'счет', 'оплат', 'долг'];

/**
 * The reasons whose patterns occur in the text, whether one of them makes it urgent by itself, and whether the text
 * speaks of planned work, a past outage or a bill (then only a forcing pattern makes it urgent).
 */
export function urgentPatterns(text: string): { reasons: UrgentReason[]; forced: boolean; mitigated: boolean } {
  const stems = words(text).map(stem);
  const mitigated = MITIGATING.some((m) => matches(stems, m));
  const reasons: UrgentReason[] = [];
  let forced = false;
  for (const p of PATTERNS) {
    if (p.all.every((alternatives) => alternatives.some((a) => matches(stems, a))) && !p.unless?.some((u) => matches(stems, u))) {
      if (!reasons.includes(p.reason)) reasons.push(p.reason);
      forced ||= p.forces;
    }
  }
  return { reasons, forced, mitigated };
}
