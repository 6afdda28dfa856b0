import type { RouteLocationRaw } from 'vue-router';

/** The kinds of item notifications the server sends (modules/notifications), each with its words in `ru` and `en`. */
export const NOTICE_TYPES = ['ASSIGNED', 'ON_REVIEW', 'RETURNED', 'REOPENED', 'DUE_SOON', 'OVERDUE', 'REVIEW_OVERDUE'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** Where a digest of many items of one kind leads: the inbox, filtered to what it is about. */
const DIGEST_QUERIES: Record<NoticeType, Record<string, string>> = {
  ASSIGNED: { queue: 'MINE' },
  ON_REVIEW: { queue: 'MY_REVIEW' },
  RETURNED: { queue: 'MINE' },
  REOPENED: { status: 'REOPENED' },
  DUE_SOON: { deadline: 'DUE_SOON' },
  OVERDUE: { deadline: 'OVERDUE' },
  REVIEW_OVERDUE: { queue: 'MY_REVIEW' },
};

export function isNoticeType(type: string): type is NoticeType {
  return (NOTICE_TYPES as readonly string[]).includes(type);
}

/** The inbox filtered to the items of a digest of this kind. */
export function digestLink(type: string): RouteLocationRaw {
  return { name: 'items', query: isNoticeType(type) ? DIGEST_QUERIES[type] : {} };
}
