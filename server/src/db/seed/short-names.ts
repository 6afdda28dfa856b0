/**
 * The short names of the reference district's settlements and departments, as people there say and write them:
 * the inbox, the card and the filters show these, with the full name on hover. The reference data carry only the
 * official names; what is not listed here gets a short form derived from its name (organisation/short-name.ts).
 */
export const SETTLEMENT_SHORT_NAMES: Readonly<Record<string, string>> = {
  surovikino_gp: 'г. Суровикино',
  blizhneosinovskoe: 'Ближнеосиновское с.п.',
  verkhnesolonovskoe: 'Верхнесолоновское с.п.',
  dobrinskoe: 'Добринское с.п.',
  kachalinskoe: 'Качалинское с.п.',
  lobakinskoe: 'Лобакинское с.п.',
  lysovskoe: 'Лысовское с.п.',
  nizhnechirskoe: 'Нижнечирское с.п.',
  nizhnesolenovskoe: 'Нижнесоленовское с.п.',
  novomaksimovskoe: 'Новомаксимовское с.п.',
  sysoevskoe: 'Сысоевское с.п.',
};

export const DEPARTMENT_SHORT_NAMES: Readonly<Record<string, string>> = {
  district_admin: 'Администрация района',
  district_duma: 'Районная Дума',
  town_admin: 'Администрация г. Суровикино',
  rural_admins: 'Администрации с.п.',
  housing: 'Отдел ЖКХ',
  roads: 'Сектор дорог и благоустройства',
  architecture: 'Отдел архитектуры',
  property: 'Отдел имущества и земли',
  education: 'Отдел образования',
  agriculture: 'Отдел сельского хозяйства',
  economy: 'Отдел экономики',
  finance: 'Финансовый отдел',
  civil_defence: 'Отдел ГО и ЧС',
  edds: 'ЕДДС',
  social_policy: 'Отдел соцполитики',
  culture_sport: 'Отдел культуры и спорта',
  general: 'Общий отдел',
  legal: 'Юридический отдел',
  svo_support: 'Центр поддержки СВО',
  vodokanal: 'Водоканал',
  power_grid: 'Электросети',
  crb: 'ЦРБ',
  social_home: 'Суровикинский ДСО',
  social_protection: 'Центр соцзащиты',
  mfc: 'МФЦ',
  gdk_yunost: 'ГДК «Юность»',
  horse_school: 'Конноспортивная школа',
  kindergarten_berezka: 'Детский сад «Березка»',
  school_blizhneosinovskaya: 'Ближнеосиновская СОШ',
  fire_post_mayorovsky: 'Пожарный пост х. Майоровский',
  newspaper_zarya: 'Газета «Заря»',
};
