import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLEnumType, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import sdl from '../../../../schema/schema.graphql?raw';
import { TARGET_FIGURES } from '../../features/analytics/figures';
import { CHANGE_FIELDS, ITEM_EVENTS } from '../../features/items/codes';
import { KNOWN_SOURCES, PLATFORM_ACTORS, knownSource, sourceLabel } from '../../shared/sources';
import en from './messages/en';
import ru from './messages/ru';

/**
 * No code reaches a person as it is (issue 10, finding 4): every value of every enum of the schema that the
 * dashboard shows, every kind of history event, changed field and source the server writes, has a label in
 * Russian and in English. A value added to the schema or to the server without labels fails here.
 */

type Tree = { [key: string]: string | Tree };
const LANGUAGES = { ru: ru as unknown as Tree, en: en as unknown as Tree };

function at(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Tree)[k] : undefined), tree);
}

/** The paths of `values` under `prefix` that have no label in some language, or whose label is the code itself. */
function unlabelled(prefix: string, values: readonly string[]): string[] {
  return Object.entries(LANGUAGES).flatMap(([language, tree]) =>
    values
      .filter((v) => {
        const label = at(tree, `${prefix}.${v}`);
        return typeof label !== 'string' || !label.trim() || label === v || /^[A-Z0-9]+_[A-Z0-9_]*$/.test(label);
      })
      .map((v) => `${language}: ${prefix}.${v}`),
  );
}

const schema = buildSchema(sdl);
function schemaEnum(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((v) => v.value as string);
}
const schemaEnums = Object.values(schema.getTypeMap())
  .filter((t): t is GraphQLEnumType => t instanceof GraphQLEnumType && !t.name.startsWith('__'))
  .map((t) => t.name);

/** Where the dashboard finds the words for each enum it shows (every place it shows it). */
const SHOWN: Record<string, readonly string[]> = {
  ItemKind: ['itemKinds', 'itemKindHints', 'wall.kinds'],
  ItemStatus: ['itemStatuses'],
  Channel: ['channels'],
  ItemAction: ['itemActions', 'itemActionHints', 'itemEvents'],
  ItemEventType: ['wall.events', 'webhooks.events'],
  ItemQueue: ['queues'],
  ItemSort: ['items.sort'],
  DeadlineState: ['deadlineStates'],
  Outcome: ['outcomes'],
  ReworkReason: ['reworkReasons'],
  NoAnswerReason: ['noAnswerReasons'],
  AnswerKind: ['answerKinds'],
  AnswerStatus: ['answerStatuses'],
  CalendarWarningStatus: ['calendar.statuses'],
  Role: ['roles', 'roleDescriptions'],
  Scope: ['scopes'],
  TokenKind: ['tokenKinds', 'tokenKindHints'],
  DepartmentKind: ['departmentKinds'],
  SettlementKind: ['settlementKinds'],
  ProblemStatus: ['problems.statuses'],
  ProblemMeasureStatus: ['problems.measureStatuses'],
  ProblemSolveSkipReason: ['problems.skipReasons'],
  AlertType: ['wall.alert.types'],
  KpiTargetState: ['analytics.states', 'wall.states'],
  KpiTargetLevel: ['analytics.targets.levels', 'analytics.target.levels'],
  KpiDimension: ['analytics.ranking.dimensions', 'analytics.ranking.none'],
  KpiBucket: ['analytics.series.buckets'],
  KpiItemSet: ['analytics.sets'],
  ReportKind: ['reports.kinds'],
  ImportField: ['imports.fields'],
  ImportStatus: ['imports.statuses'],
  ImportEncoding: ['imports.encodings'],
  ImportRowReason: ['imports.reasons'],
  WebhookDeliveryStatus: ['webhooks.statuses'],
  ClassifiedBy: ['text.classifiedBy'],
  MachineApplied: ['text.applied'],
  UrgentReason: ['text.urgentReasons'],
  AnswerCheckCode: ['answerCheck.codes'],
};

/** Enums the dashboard never shows as words, and why. */
const NOT_SHOWN: Record<string, string> = {
  AlertLevel: 'colours the wall takeover; its AlertType is what is said',
  CalendarStatus: 'no page edits the calendar; the warning says CalendarWarningStatus',
  KpiDirection: 'said as "не ниже" / "не выше" of a target',
  KpiFigure: 'named by its field (analytics.figures), checked below',
  ReportStatus: 'only READY reports are listed',
  ImportFormat: 'said as its own name, CSV or XLSX',
};

/** The server's sources (not tests): its TypeScript files under `dirs`. */
function serverFiles(...dirs: string[]): { path: string; text: string }[] {
  // Vitest runs in web/; the server is beside it.
  const root = join(process.cwd(), '..', 'server', 'src');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
    });
  return dirs.flatMap((d) => walk(join(root, d))).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

/**
 * The kinds of history event the server writes besides the actions: the literal `type`s given to `recordEvent`
 * (and the seed's events), the `event` a lifecycle step names, and the fallback of `transition()`.
 */
function serverHistoryTypes(): string[] {
  const found = new Set<string>();
  for (const { text } of serverFiles('modules/items', 'jobs', 'db/seed')) {
    for (const m of text.matchAll(/\btype:\s*((?:'[A-Z][A-Z_]+'\s*\|?\s*)+)/g)) for (const q of m[1]!.matchAll(/'([A-Z_]+)'/g)) found.add(q[1]!);
    for (const m of text.matchAll(/\btype:\s*[^,\n]*\?\?\s*'([A-Z][A-Z_]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\bevent(?::\s*|\(\s*)'([A-Z][A-Z_]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\b\w*Event\([^)'\n]*'([A-Z][A-Z_]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

/** The fields whose before/after the server keeps in a history event (`snapshot` of item-history.ts). */
function serverChangeFields(): string[] {
  const [file] = serverFiles('modules/items').filter((f) => f.path.endsWith('item-history.ts'));
  const body = /export function snapshot\([^)]*\)[^{]*\{[\s\S]*?return \{([\s\S]*?)\n  \};/.exec(file!.text);
  expect(body, 'item-history.ts has snapshot()').not.toBeNull();
  return [...body![1]!.matchAll(/^\s+(\w+):/gm)].map((m) => m[1]!);
}

/** Every `source` the server writes: its default for items entered by hand and those of the demo seed. */
function serverSources(): string[] {
  const found = new Set<string>();
  for (const { text } of serverFiles('modules/items', 'db/seed')) {
    for (const m of text.matchAll(/source\?\.trim\(\)\s*\|\|\s*'([^']+)'/g)) found.add(m[1]!);
    // `source: a ? 'X' : b ? 'Y' : 'Z'`: the values, not what the conditions compare with.
    for (const m of text.matchAll(/^\s*source:[^\n]+$/gm)) for (const q of m[0].matchAll(/[?:]\s*'([^']+)'/g)) found.add(q[1]!);
  }
  return [...found].sort();
}

describe('labels of codes', () => {
  it('decides for every enum of the schema whether the dashboard shows it, so a new enum cannot slip through', () => {
    const decided = [...Object.keys(SHOWN), ...Object.keys(NOT_SHOWN)].sort();
    expect(decided).toEqual([...schemaEnums].sort());
    expect(Object.keys(SHOWN).filter((e) => e in NOT_SHOWN)).toEqual([]);
  });

  it('has a Russian and an English label for every value of every enum the dashboard shows', () => {
    const missing = Object.entries(SHOWN).flatMap(([name, prefixes]) => prefixes.flatMap((p) => unlabelled(p, schemaEnum(name))));
    expect(missing).toEqual([]);
  });

  it('names every KPI figure, by the field the dashboard shows it as', () => {
    const figures = schemaEnum('KpiFigure');
    expect(Object.keys(TARGET_FIGURES).sort()).toEqual([...figures].sort());
    expect(unlabelled('analytics.figures', figures.map((f) => TARGET_FIGURES[f as keyof typeof TARGET_FIGURES].field))).toEqual([]);
  });

  it('names every kind of history event the server writes', () => {
    const written = serverHistoryTypes();
    // The reading of the server's sources still finds what it should.
    for (const known of ['CREATED', 'ATTACHED', 'ANSWER_SENT', 'DUPLICATE_ADDED', 'AUTO_CLOSED', 'ANONYMISED', 'DUE_SOON', 'OVERDUE', 'UPDATED']) {
      expect(written, known).toContain(known);
    }
    const types = [...new Set([...written, ...schemaEnum('ItemAction')])];
    expect(written.filter((t) => !(ITEM_EVENTS as readonly string[]).includes(t) && !schemaEnum('ItemAction').includes(t))).toEqual([]);
    expect(unlabelled('itemEvents', types)).toEqual([]);
  });

  it('names every field whose change the history lists', () => {
    const fields = serverChangeFields();
    expect(fields).toContain('status');
    expect(fields.filter((f) => !(CHANGE_FIELDS as readonly string[]).includes(f))).toEqual([]);
    expect(unlabelled('changeFields', fields)).toEqual([]);
  });

  it('names every source the server writes, and who made a change when no person did', () => {
    const sources = serverSources();
    expect(sources).toContain('dashboard');
    expect(sources.filter((s) => !knownSource(s))).toEqual([]);
    expect(unlabelled('sources', [...KNOWN_SOURCES, 'other', 'unknown'])).toEqual([]);
    expect(unlabelled('items.card', [...PLATFORM_ACTORS, 'token'])).toEqual([]);
  });

  it('says a source it does not know as "another system", never as a bare code', () => {
    const t = (key: string, values?: Record<string, unknown>) => {
      const label = at(LANGUAGES.ru, key) as string;
      return label.replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k]));
    };
    expect(sourceLabel(t, 'POS')).toBe('Интеграция с ПОС');
    expect(sourceLabel(t, 'dashboard')).toBe('Панель МЦУ');
    expect(sourceLabel(t, 'eds-112')).toBe('Другая система: eds-112');
    expect(sourceLabel(t, null)).toBe('Источник не указан');
  });
});
