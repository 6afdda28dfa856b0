import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../app/i18n';
import { NOTICE_TYPES, digestLink } from './notices';

describe('notification kinds', () => {
  it.each(['ru', 'en'] as const)('have words in %s for one item and for a digest of many, for every kind the server sends', (locale) => {
    const { t, te } = createAppI18n(locale).global;
    for (const type of NOTICE_TYPES) {
      expect(te(`notificationTypes.${type}`), `notificationTypes.${type}`).toBe(true);
      expect(te(`notificationDigests.${type}`), `notificationDigests.${type}`).toBe(true);
      expect(t(`notificationDigests.${type}`, 5)).toContain('5');
    }
  });

  it('leads each digest to the inbox filtered to its items', () => {
    expect(NOTICE_TYPES.map((type) => [type, digestLink(type)])).toEqual([
      ['ASSIGNED', { name: 'items', query: { queue: 'MINE' } }],
      ['ON_REVIEW', { name: 'items', query: { queue: 'MY_REVIEW' } }],
      ['RETURNED', { name: 'items', query: { queue: 'MINE' } }],
      ['REOPENED', { name: 'items', query: { status: 'REOPENED' } }],
      ['DUE_SOON', { name: 'items', query: { deadline: 'DUE_SOON' } }],
      ['OVERDUE', { name: 'items', query: { deadline: 'OVERDUE' } }],
      ['REVIEW_OVERDUE', { name: 'items', query: { queue: 'MY_REVIEW' } }],
    ]);
  });
});
