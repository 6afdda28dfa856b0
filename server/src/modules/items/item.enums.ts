import { registerEnumType } from 'type-graphql';

/** docs/domain.md §1: the three kinds of items, each with its own legal regime and clocks. */
export enum ItemKind {
  APPEAL = 'APPEAL',
  MESSAGE = 'MESSAGE',
  INCIDENT = 'INCIDENT',
}
registerEnumType(ItemKind, {
  name: 'ItemKind',
  valuesConfig: {
    APPEAL: { description: 'обращение (59-ФЗ): calendar-day deadlines, never paused' },
    MESSAGE: { description: 'сообщение (ПОС, e-mail, hotline, messengers): working-day deadlines' },
    INCIDENT: { description: 'инцидент in social media: working-hour reaction deadlines' },
  },
});

export enum ItemStatus {
  NEW = 'NEW',
  REGISTERED = 'REGISTERED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_CITIZEN = 'WAITING_CITIZEN',
  ON_REVIEW = 'ON_REVIEW',
  ANSWERED = 'ANSWERED',
  REOPENED = 'REOPENED',
  REDIRECTED = 'REDIRECTED',
  CLOSED = 'CLOSED',
  MERGED = 'MERGED',
}
registerEnumType(ItemStatus, { name: 'ItemStatus' });

export enum Channel {
  LETTER = 'LETTER',
  WALK_IN = 'WALK_IN',
  PHONE = 'PHONE',
  EPGU = 'EPGU',
  WEB_FORM = 'WEB_FORM',
  POS = 'POS',
  EMAIL = 'EMAIL',
  WEB_WIDGET = 'WEB_WIDGET',
  MESSENGER = 'MESSENGER',
  SOCIAL_VK = 'SOCIAL_VK',
  SOCIAL_OK = 'SOCIAL_OK',
  SOCIAL_TELEGRAM = 'SOCIAL_TELEGRAM',
  OTHER = 'OTHER',
}
registerEnumType(Channel, { name: 'Channel', description: 'How an item reached the МЦУ' });

/** Federal reporting codes of the outcome of an answered item (docs/domain.md §3). */
export enum Outcome {
  SUPPORTED = 'SUPPORTED',
  SUPPORTED_MEASURES_TAKEN = 'SUPPORTED_MEASURES_TAKEN',
  EXPLAINED = 'EXPLAINED',
  NOT_SUPPORTED = 'NOT_SUPPORTED',
  LEFT_WITHOUT_ANSWER = 'LEFT_WITHOUT_ANSWER',
  REDIRECTED = 'REDIRECTED',
}
registerEnumType(Outcome, { name: 'Outcome' });

/** 59-ФЗ art. 11: the reasons to leave an appeal without an answer. */
export enum NoAnswerReason {
  ANONYMOUS = 'ANONYMOUS',
  COURT_DECISION = 'COURT_DECISION',
  OBSCENE_OR_THREATS = 'OBSCENE_OR_THREATS',
  UNREADABLE = 'UNREADABLE',
  ESSENCE_UNCLEAR = 'ESSENCE_UNCLEAR',
  REPEATED_NO_NEW_ARGUMENTS = 'REPEATED_NO_NEW_ARGUMENTS',
  ANSWERED_PUBLICLY = 'ANSWERED_PUBLICLY',
  STATE_SECRET = 'STATE_SECRET',
}
registerEnumType(NoAnswerReason, { name: 'NoAnswerReason', description: '59-ФЗ ст. 11' });

/** Why the МЦУ returns an answer for rework (docs/domain.md §3). */
export enum ReworkReason {
  FORMAL_NOT_ON_MERITS = 'FORMAL_NOT_ON_MERITS',
  NO_DATE_OR_MEASURES = 'NO_DATE_OR_MEASURES',
  NO_EVIDENCE = 'NO_EVIDENCE',
  LAWS_NOT_EXPLAINED = 'LAWS_NOT_EXPLAINED',
  CONTRADICTORY = 'CONTRADICTORY',
}
registerEnumType(ReworkReason, { name: 'ReworkReason' });

export enum DeadlineState {
  ON_TRACK = 'ON_TRACK',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
}
registerEnumType(DeadlineState, { name: 'DeadlineState' });

/** Who gave an item its category (issue 13): the text classifier's first pass, a person, or the item's source. */
export enum ClassifiedBy {
  SOURCE = 'SOURCE',
  MACHINE = 'MACHINE',
  STAFF = 'STAFF',
}
registerEnumType(ClassifiedBy, {
  name: 'ClassifiedBy',
  valuesConfig: {
    SOURCE: { description: 'The category came with the item (typed by the operator, sent by the source system)' },
    MACHINE: { description: 'Set by the text classifier, sure enough to set it (confidence at or above the threshold)' },
    STAFF: { description: 'Set or confirmed by a person (classifyItem)' },
  },
});
