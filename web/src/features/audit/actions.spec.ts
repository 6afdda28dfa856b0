import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../app/i18n/messages/en';
import ru from '../../app/i18n/messages/ru';
import { AUDIT_ACTIONS, AUDIT_GROUPS, AUDIT_GROUP_NAMES, AUDIT_TARGET_TYPES, actionsOf } from './actions';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every action the server writes to the audit log, read from its sources: the literal actions of `audit(…)` and
 * `auditChange(…)`, and the organisation's `<ENTITY>_CREATED|UPDATED` for each entity of `OrgEntity`.
 */
function serverActions(): string[] {
  // Vitest runs in web/ (the package of this app); the server is beside it.
  const root = join(process.cwd(), '..', 'server', 'src');
  const found = new Set<string>();
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baudit(?:Change)?\([^;]*?'([A-Z][A-Z_]+)'/g)) found.add(m[1]!);
  }
  const topics = readFileSync(join(root, 'modules', 'organisation', 'organisation.topics.ts'), 'utf8');
  expect(topics, 'the organisation audits `${ENTITY}_${CREATED|UPDATED}`').toContain('`${entity.toUpperCase()}_${action}`');
  const entities = [.../export enum OrgEntity \{([^}]*)\}/.exec(topics)![1]!.matchAll(/= '(\w+)'/g)].map((m) => m[1]!);
  expect(entities.length).toBeGreaterThan(0);
  for (const e of entities) for (const a of ['CREATED', 'UPDATED']) found.add(`${e.toUpperCase()}_${a}`);
  return [...found].sort();
}

describe('audit actions', () => {
  it('knows every action the server writes to the audit log', () => {
    const written = serverActions();
    expect(written).toContain('SIGN_IN');
    expect(written).toContain('USER_UPDATED');
    expect(written.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  it('puts every action in exactly one group', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(AUDIT_GROUP_NAMES.flatMap((g) => actionsOf(g)!)).toEqual([...AUDIT_ACTIONS]);
    expect(actionsOf('')).toBeNull();
  });

  it('names every action, group and subject in Russian and English, each differently', () => {
    for (const messages of [ru, en]) {
      const { actions, groups, targets } = messages.audit as { actions: Record<string, string>; groups: Record<string, string>; targets: Record<string, string> };
      expect(Object.keys(actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
      expect(Object.keys(groups).sort()).toEqual(Object.keys(AUDIT_GROUPS).sort());
      expect(Object.keys(targets).sort()).toEqual([...AUDIT_TARGET_TYPES].sort());
      expect(new Set(Object.values(actions)).size).toBe(AUDIT_ACTIONS.length);
      for (const label of Object.values(actions)) expect(label).not.toMatch(/^[A-Z_]+$/);
    }
  });
});
