import { Channel, DeadlineState, ItemKind, ItemStatus, Outcome } from '../items/item.enums.js';

/**
 * The columns of a row-level export of items and the Russian words for the codes in them. The words are the
 * dashboard's (web/src/app/i18n/messages/ru.ts: itemKinds, channels, itemStatuses, outcomes, deadlineStates),
 * copied here because the server has no i18n of its own; a code without a word is written as the code.
 */

/** `text`: a string; `datetime`: the municipality's wall-clock time (see `wallClock`). */
export type ColumnType = 'text' | 'datetime';
export type ExportColumn = { key: string; header: string; type: ColumnType; width: number };
/** A cell: text, a wall-clock time for a `datetime` column, or empty. */
export type Cell = string | Date | null;

export const KIND_RU: Record<ItemKind, string> = {
  APPEAL: 'Обращение',
  MESSAGE: 'Сообщение',
  INCIDENT: 'Инцидент',
};

export const CHANNEL_RU: Record<Channel, string> = {
  LETTER: 'Письмо',
  WALK_IN: 'Личный приём',
  PHONE: 'Телефон',
  EPGU: 'ЕПГУ (Госуслуги)',
  WEB_FORM: 'Форма на сайте',
  POS: 'ПОС',
  EMAIL: 'Электронная почта',
  WEB_WIDGET: 'Виджет на сайте',
  MESSENGER: 'Мессенджер',
  SOCIAL_VK: 'ВКонтакте',
  SOCIAL_OK: 'Одноклассники',
  SOCIAL_TELEGRAM: 'Telegram',
  OTHER: 'Другое',
};

export const STATUS_RU: Record<ItemStatus, string> = {
  NEW: 'Новое',
  REGISTERED: 'Зарегистрировано',
  ASSIGNED: 'Назначено',
  IN_PROGRESS: 'В работе',
  WAITING_CITIZEN: 'Ждёт заявителя',
  ON_REVIEW: 'На проверке',
  ANSWERED: 'Ответ дан',
  REOPENED: 'Открыто повторно',
  CLOSED: 'Закрыто',
  REDIRECTED: 'Перенаправлено',
  MERGED: 'Объединено',
};

export const OUTCOME_RU: Record<Outcome, string> = {
  SUPPORTED: 'Поддержано',
  SUPPORTED_MEASURES_TAKEN: 'Поддержано, меры приняты',
  EXPLAINED: 'Разъяснено',
  NOT_SUPPORTED: 'Не поддержано',
  LEFT_WITHOUT_ANSWER: 'Оставлено без ответа',
  REDIRECTED: 'Перенаправлено',
};

export const DEADLINE_STATE_RU: Record<DeadlineState, string> = {
  ON_TRACK: 'В срок',
  DUE_SOON: 'Срок истекает',
  OVERDUE: 'Просрочено',
};

export const YES = 'Да';
export const NO = 'Нет';
/** Not rated (yet). */
export const NOT_RATED = '—';

const text = (key: string, header: string, width = 18): ExportColumn => ({ key, header, type: 'text', width });
const datetime = (key: string, header: string): ExportColumn => ({ key, header, type: 'datetime', width: 17 });

/** The columns of every export, in order. */
export const ITEM_COLUMNS: readonly ExportColumn[] = [
  text('number', 'Номер', 14),
  text('kind', 'Вид', 12),
  text('channel', 'Канал'),
  text('category', 'Категория', 32),
  text('sector', 'Отраслевой блок', 24),
  text('settlement', 'Поселение', 24),
  text('department', 'Подразделение', 32),
  text('executor', 'Исполнитель', 28),
  text('urgent', 'Экстренное', 11),
  datetime('receivedAt', 'Поступило'),
  datetime('registeredAt', 'Зарегистрировано'),
  datetime('answerDueAt', 'Срок ответа'),
  datetime('firstReactionDueAt', 'Срок первой реакции'),
  datetime('dueAt', 'Текущий срок'),
  text('deadlineState', 'Состояние срока', 15),
  datetime('answeredAt', 'Ответ дан'),
  datetime('closedAt', 'Закрыто'),
  text('status', 'Статус', 18),
  text('outcome', 'Результат', 24),
  text('satisfied', 'Удовлетворён', 13),
];

/** First, for a regional reader, whose export spans municipalities (a number is unique only in one). */
export const MUNICIPALITY_COLUMN: ExportColumn = text('municipality', 'Муниципалитет', 28);

/** Last, with `personalData=1`: the applicant, in full or masked per row as the access policy says. */
export const APPLICANT_COLUMNS: readonly ExportColumn[] = [
  text('applicantName', 'Заявитель', 32),
  text('applicantPhone', 'Телефон', 18),
  text('applicantEmail', 'Эл. почта', 24),
  text('applicantAddress', 'Адрес для ответа', 40),
  text('applicantMasked', 'Данные скрыты', 14),
];

/**
 * The wall-clock time of an instant in a time zone whose offset from UTC is `offsetMinutes` then, to the minute,
 * as a Date whose UTC fields are that time (2026-02-03T07:00Z in Europe/Volgograd, +180 → 2026-02-03T10:00Z). XLSX
 * stores such a Date as the local date and time (a spreadsheet date has no zone); CSV writes it as
 * `YYYY-MM-DD HH:mm` (`formatWallClock`).
 */
export function wallClock(at: Date, offsetMinutes: number): Date {
  const local = at.getTime() + offsetMinutes * 60_000;
  return new Date(local - (((local % 60_000) + 60_000) % 60_000));
}

export function formatWallClock(wall: Date): string {
  return wall.toISOString().slice(0, 16).replace('T', ' ');
}
