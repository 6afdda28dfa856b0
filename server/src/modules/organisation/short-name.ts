/**
 * Short forms of settlement and department names, for the places where a whole official name does not fit (the
 * inbox, the card, filters, charts). The organisation data keep a short name chosen by a person; when none is kept,
 * one is derived from the full name by the usual Russian office abbreviations, so the useful part of a name (the
 * place, the subject of a department) comes first and is never what a truncation cuts.
 */

/** "Городское поселение город Суровикино" → "г. Суровикино"; "Качалинское сельское поселение" → "Качалинское с.п.". */
export function deriveSettlementShortName(name: string): string {
  const text = squeeze(name);
  const kinds: [RegExp, string][] = [
    [/^городское поселение\s+/i, 'г.п.'],
    [/^сельское поселение\s+/i, 'с.п.'],
  ];
  for (const [prefix, abbreviation] of kinds) {
    if (!prefix.test(text)) continue;
    const rest = text.replace(prefix, '');
    // "Городское поселение город Суровикино": the locality names it best.
    const locality = abbreviateLocality(rest);
    return locality ?? `${rest} ${abbreviation}`;
  }
  const suffix = /^(.+?)\s+(городское|сельское) поселение$/i.exec(text);
  if (suffix) return `${suffix[1]} ${suffix[2]!.toLowerCase() === 'городское' ? 'г.п.' : 'с.п.'}`;
  return abbreviateLocality(text) ?? text;
}

const LOCALITY_KINDS: [RegExp, string][] = [
  [/^город\s+/i, 'г. '],
  [/^рабочий посёлок\s+/i, 'р.п. '],
  [/^посёлок городского типа\s+/i, 'пгт '],
  [/^(посёлок|поселок)\s+/i, 'пос. '],
  [/^село\s+/i, 'с. '],
  [/^станица\s+/i, 'ст-ца '],
  [/^хутор\s+/i, 'х. '],
  [/^деревня\s+/i, 'д. '],
];

function abbreviateLocality(text: string): string | null {
  for (const [kind, abbreviation] of LOCALITY_KINDS) if (kind.test(text)) return abbreviation + text.replace(kind, '');
  return null;
}

/** Phrases of department names and their abbreviations in common office use, longest first where they overlap. */
const DEPARTMENT_ABBREVIATIONS: [RegExp, string][] = [
  [/жилищно-коммунально(му|го) хозяйств(у|а)/gi, 'ЖКХ'],
  [/гражданской обороны и чрезвычайных ситуаций/gi, 'ГО и ЧС'],
  [/муниципальное унитарное предприятие/gi, 'МУП'],
  [/муниципальное казённое учреждение|муниципальное казенное учреждение/gi, 'МКУ'],
  [/муниципальное бюджетное учреждение/gi, 'МБУ'],
  [/муниципальное автономное учреждение/gi, 'МАУ'],
  [/государственное бюджетное учреждение/gi, 'ГБУ'],
  [/государственное казённое учреждение|государственное казенное учреждение/gi, 'ГКУ'],
  [/многофункциональн(ый|ого) центр(а)?( предоставления государственных и муниципальных услуг)?/gi, 'МФЦ'],
  [/муниципального района/gi, 'р-на'],
  [/муниципальный район/gi, 'р-н'],
];

/** A department's name is shortened only when it is longer than this; shorter names are shown whole. */
const DEPARTMENT_SHORT_ENOUGH = 28;

/**
 * "Отдел по жилищно-коммунальному хозяйству, транспорту и связи" → "Отдел ЖКХ": the usual abbreviations, without
 * explanations in brackets, and, when still long, only the first part of an enumeration (up to its first comma).
 */
export function deriveDepartmentShortName(name: string): string {
  const text = squeeze(name);
  if (text.length <= DEPARTMENT_SHORT_ENOUGH) return text;
  let short = text;
  for (const [phrase, abbreviation] of DEPARTMENT_ABBREVIATIONS) short = short.replace(phrase, abbreviation);
  short = squeeze(short.replace(/\s*\([^)]*\)/g, ''));
  if (short.length > DEPARTMENT_SHORT_ENOUGH && short.includes(',')) short = short.slice(0, short.indexOf(',')).trim();
  // "Отдел по ЖКХ" reads "Отдел ЖКХ" when the subject is one abbreviation.
  short = short.replace(/^(Отдел|Сектор|Управление|Комитет) по (?=[А-ЯЁ]{2,}$)/u, '$1 ');
  return short || text;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
