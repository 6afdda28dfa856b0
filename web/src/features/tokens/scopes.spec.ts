import { GraphQLEnumType, buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import table from '../../../../schema/permissions.json';
import sdl from '../../../../schema/schema.graphql?raw';
import en from '../../app/i18n/messages/en';
import ru from '../../app/i18n/messages/ru';
import type { Scope } from '../../gql/graphql';
import { DEFAULT_SCOPES, READING_SCOPES, SCOPES_BY_KIND, TOKEN_KINDS, describeScope, scopeGrants, scopesForKind, tokenStatus } from './scopes';

function schemaEnum(name: string): string[] {
  const type = buildSchema(sdl).getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((v) => v.value as string);
}

const serverScopes = table.scopes as Record<string, { tokenKinds: string[]; permissions: string[]; personalData: boolean }>;

describe('token scopes', () => {
  it('reads every scope of the schema from the server table, for every kind of token', () => {
    expect(Object.keys(serverScopes).sort()).toEqual(schemaEnum('Scope').sort());
    expect([...TOKEN_KINDS].sort()).toEqual(schemaEnum('TokenKind').sort());
    for (const [scope, entry] of Object.entries(serverScopes)) {
      for (const p of entry.permissions) expect(Object.keys(table.permissions), `${scope} grants ${p}`).toContain(p);
    }
  });

  it('offers a kind only scopes the server lets it hold and that give something', () => {
    for (const kind of TOKEN_KINDS) {
      expect(SCOPES_BY_KIND[kind].length).toBeGreaterThan(0);
      for (const scope of SCOPES_BY_KIND[kind]) {
        expect(serverScopes[scope]!.tokenKinds, `${kind} may hold ${scope}`).toContain(kind);
        expect(scopeGrants(scope), `${scope} gives something`).not.toEqual([]);
      }
    }
  });

  it('does not offer a wall the organisation on its own: the wall scope gives it and more', () => {
    expect(scopeGrants('WALL_READ')).toEqual(expect.arrayContaining(scopeGrants('ORG_READ')));
    expect(SCOPES_BY_KIND.WALL_DISPLAY).toEqual(['WALL_READ', 'KPI_READ']);
    expect(SCOPES_BY_KIND.INTEGRATOR).toEqual(['ORG_READ', 'ITEMS_INGEST', 'ITEMS_READ', 'PERSONAL_DATA_READ', 'KPI_READ', 'WEBHOOKS']);
    expect(scopesForKind('WALL_DISPLAY', ['PERSONAL_DATA_READ', 'ITEMS_READ', 'KPI_READ', 'ORG_READ'])).toEqual(['KPI_READ']);
  });

  it('never gives an integrator the wall scope', () => {
    expect(scopesForKind('INTEGRATOR', ['WALL_READ', 'ITEMS_INGEST', 'ORG_READ'])).toEqual(['ORG_READ', 'ITEMS_INGEST']);
  });

  it('presets only scopes that are offered and give something; the wall preset gives the wall what it reads', () => {
    for (const kind of TOKEN_KINDS) {
      for (const scope of DEFAULT_SCOPES[kind]) expect(SCOPES_BY_KIND[kind], `${kind} preset ${scope}`).toContain(scope);
    }
    const wall = new Set(DEFAULT_SCOPES.WALL_DISPLAY.flatMap((s) => scopeGrants(s)));
    // The feed and alerts (items, masked), the sector board, figures and map (KPIs), the problems, the setup (organisation).
    for (const p of ['ITEMS_READ', 'KPI_READ', 'PROBLEMS_READ', 'ORG_READ']) expect(wall.has(p as never), p).toBe(true);
    expect(wall.has('PERSONAL_DATA')).toBe(false);
  });

  it('knows which scopes read items, for the personal-data scope that adds to them', () => {
    expect(READING_SCOPES).toEqual(['WALL_READ', 'ITEMS_READ']);
    expect(scopeGrants('PERSONAL_DATA_READ')).toEqual(['PERSONAL_DATA']);
  });

  it('says what every scope gives in Russian and English, from a label for each thing it gives', () => {
    const scopes = schemaEnum('Scope') as Scope[];
    const grants = new Set(scopes.flatMap((s) => scopeGrants(s)));
    for (const messages of [ru, en]) {
      const labels = messages.scopeGrants as Record<string, string>;
      for (const g of grants) expect(labels[g], `scopeGrants.${g}`).toBeTruthy();
    }
    const fakeT = (key: string, values?: Record<string, unknown>) =>
      key === 'tokens.grants' ? `Даёт: ${String(values?.list)}` : key.startsWith('scopeGrants.') ? (ru.scopeGrants as Record<string, string>)[key.slice(12)]! : key;
    expect(describeScope(fakeT, 'KPI_READ')).toBe(`Даёт: ${ru.scopeGrants.KPI_READ}; ${ru.scopeGrants.PROBLEMS_READ}`);
  });
});

describe('tokenStatus', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('is revoked, expired or active', () => {
    expect(tokenStatus({ revokedAt: '2026-11-01T00:00:00Z', expiresAt: null }, now)).toBe('revoked');
    expect(tokenStatus({ revokedAt: null, expiresAt: '2026-11-27T11:59:59Z' }, now)).toBe('expired');
    expect(tokenStatus({ revokedAt: null, expiresAt: '2026-11-28T00:00:00Z' }, now)).toBe('active');
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe('active');
  });
});
