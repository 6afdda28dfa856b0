import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ROLES } from '../../shared/permissions';
import { DEPARTMENT_KINDS } from '../../features/organisation/department-kinds';
import { SCOPES_BY_KIND, TOKEN_KINDS } from '../../features/tokens/scopes';
import {
  CHANGE_FIELDS,
  CHANNELS,
  DEADLINE_STATES,
  ITEM_ACTIONS,
  ITEM_EVENTS,
  ITEM_KINDS,
  ITEM_STATUSES,
  NO_ANSWER_REASONS,
  OUTCOMES,
  QUEUES,
  REWORK_REASONS,
} from '../../features/items/codes';
import { SORTS } from '../../features/items/composables/useInboxFilters';
import { NOTICE_TYPES } from '../../features/notifications/notices';
import { russianPlural } from './index';
import en from './messages/en';
import ru from './messages/ru';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('messages', () => {
  const ruKeys = keys(ru as unknown as Tree);

  it('has the same keys in Russian and English', () => {
    expect(keys(en as unknown as Tree).sort()).toEqual([...ruKeys].sort());
  });

  it('has every key the code asks for by name', () => {
    // Vitest runs in web/ (the package of this app).
    const src = join(process.cwd(), 'src');
    const used = new Set<string>();
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/(?:labelKey|title): '([a-z][\w]*\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !ruKeys.includes(k))).toEqual([]);
  });

  it('names every role, department kind, token kind and scope', () => {
    const scopes = [...new Set(Object.values(SCOPES_BY_KIND).flat())];
    const wanted = [
      ...ALL_ROLES.flatMap((r) => [`roles.${r}`, `roleDescriptions.${r}`]),
      ...DEPARTMENT_KINDS.map((k) => `departmentKinds.${k}`),
      ...TOKEN_KINDS.flatMap((k) => [`tokenKinds.${k}`, `tokenKindHints.${k}`]),
      ...scopes.map((s) => `scopes.${s}`),
      'settlementKinds.URBAN',
      'settlementKinds.RURAL',
    ];
    expect(wanted.filter((k) => !ruKeys.includes(k))).toEqual([]);
  });

  it('names every code of the item domain', () => {
    const wanted = [
      ...ITEM_KINDS.flatMap((k) => [`itemKinds.${k}`, `itemKindHints.${k}`]),
      ...ITEM_STATUSES.map((s) => `itemStatuses.${s}`),
      ...CHANNELS.map((c) => `channels.${c}`),
      ...ITEM_ACTIONS.flatMap((a) => [`itemActions.${a}`, `itemActionHints.${a}`, `itemEvents.${a}`]),
      ...ITEM_EVENTS.map((e) => `itemEvents.${e}`),
      ...OUTCOMES.map((o) => `outcomes.${o}`),
      ...REWORK_REASONS.map((r) => `reworkReasons.${r}`),
      ...NO_ANSWER_REASONS.map((r) => `noAnswerReasons.${r}`),
      ...DEADLINE_STATES.map((s) => `deadlineStates.${s}`),
      ...NOTICE_TYPES.flatMap((n) => [`notificationTypes.${n}`, `notificationDigests.${n}`]),
      ...QUEUES.map((q) => `queues.${q}`),
      ...CHANGE_FIELDS.map((f) => `changeFields.${f}`),
      ...SORTS.map((s) => `items.sort.${s}`),
      ...['FINAL', 'INTERIM'].map((k) => `answerKinds.${k}`),
      ...['DRAFT', 'ON_REVIEW', 'RETURNED', 'APPROVED', 'PUBLISHED'].map((s) => `answerStatuses.${s}`),
      ...['MISSING', 'PROVISIONAL'].map((s) => `calendar.statuses.${s}`),
      ...['registration', 'redirect', 'answer', 'firstReaction', 'finalAnswer', 'review'].map((d) => `items.card.deadlineNames.${d}`),
      ...['d', 'h', 'min'].map((u) => `items.units.${u}`),
      'errors.codes.INVALID_TRANSITION',
    ];
    expect(wanted.filter((k) => !ruKeys.includes(k))).toEqual([]);
  });

  it('has no empty message and no stray vue-i18n syntax', () => {
    for (const [name, tree] of [['ru', ru], ['en', en]] as const) {
      for (const key of keys(tree as unknown as Tree)) {
        const value = key.split('.').reduce<unknown>((node, k) => (node as Tree)[k], tree) as string;
        expect(value.trim(), `${name}:${key}`).not.toBe('');
        expect(value, `${name}:${key}`).not.toMatch(/@/);
      }
    }
  });
});

describe('russianPlural', () => {
  it('picks one | few | many', () => {
    const forms = ['категория', 'категории', 'категорий'];
    const pick = (n: number) => forms[russianPlural(n, 3)];
    expect([1, 2, 5, 11, 12, 21, 22, 25, 101, 111].map(pick)).toEqual([
      'категория',
      'категории',
      'категорий',
      'категорий',
      'категорий',
      'категория',
      'категории',
      'категорий',
      'категория',
      'категорий',
    ]);
  });
});
