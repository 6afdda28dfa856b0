import { describe, expect, it } from 'vitest';
import { Role, Scope } from '../auth/roles.js';
import { ItemKind } from './item.enums.js';
import { open311View, open311Where, reachWhere, type Subject } from './item-access.js';

/**
 * The access policy's Open311 rule (docs/open311.md, "Reading requests"), written out case by case: the public (no key,
 * or a key that does not read items) reads messages and incidents, never appeals, with the place coarsened and no
 * file links; a token with ITEMS_READ reads what it reaches in GraphQL with the place as stored, and file links only
 * with PERSONAL_DATA_READ.
 */

const token = (...scopes: Scope[]): Subject => ({ kind: 'token', scopes });
const PUBLIC_WHERE = { kind: { $in: [ItemKind.MESSAGE, ItemKind.INCIDENT] } };

describe('the Open311 reader', () => {
  it('without a key, or with a key that does not read items, is the public: messages and incidents only, no exact place, no files', () => {
    const publics: (Subject | null)[] = [
      null,
      token(Scope.ITEMS_INGEST),
      token(Scope.ORG_READ, Scope.KPI_READ),
      token(Scope.PERSONAL_DATA_READ),
      token(Scope.WALL_READ),
      { kind: 'user', userId: 'u', roles: [Role.HEAD], departmentId: null, sectorIds: [] },
    ];
    for (const s of publics) {
      expect(open311Where(s)).toEqual(PUBLIC_WHERE);
      expect(open311View(s)).toEqual({ exactPlace: false, files: false });
    }
  });

  it('with a key that reads items is the token: what it reaches, the exact place, and files only with PERSONAL_DATA_READ', () => {
    const reader = token(Scope.ITEMS_READ, Scope.ITEMS_INGEST);
    expect(open311Where(reader)).toEqual(reachWhere(reader));
    expect(open311Where(reader)).toEqual({});
    expect(open311View(reader)).toEqual({ exactPlace: true, files: false });
    expect(open311View(token(Scope.ITEMS_READ, Scope.PERSONAL_DATA_READ))).toEqual({ exactPlace: true, files: true });
  });
});
