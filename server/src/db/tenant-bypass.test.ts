import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TENANT_BYPASS } from './tenant-bypass.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Where the tenant filter's parameters may be set: the viewer's and the system's forks (db/orm.ts), the sign-in. */
const SETS_PARAMS = ['modules/auth/auth.service.ts', 'db/orm.ts'];

describe('tenant filter bypasses', () => {
  const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

  it('are listed in one place: no source but db/tenant-bypass.ts switches a filter off', () => {
    const offenders = files
      .filter((f) => f.path !== 'db/tenant-bypass.ts' && /filters\s*:\s*(false|\{[^}]*:\s*false)/.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('set the tenant parameters only where a request, a sign-in or system work begins', () => {
    const setters = files.filter((f) => /setFilterParams\(/.test(f.text)).map((f) => f.path).sort();
    expect(setters).toEqual([...SETS_PARAMS].sort());
  });

  it('each have a reason, and each listed reason is used', () => {
    const used = new Set(files.flatMap((f) => [...f.text.matchAll(/withoutTenant\('([A-Z_]+)'\)/g)].map((m) => m[1])));
    expect([...used].sort()).toEqual(Object.keys(TENANT_BYPASS).sort());
    for (const reason of Object.values(TENANT_BYPASS)) expect(reason.length).toBeGreaterThan(20);
  });
});
