import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has working defaults: embedded database in ./.data, port 4000, demo seed on', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/.data')).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.demoPassword).toBe('demo');
  });

  it('stops with a message naming every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres/);
    expect(message).toMatch(/SEED_DEMO/);
  });

  it('limits each client to 20 operations a second, 200 more within a minute and 8 at once, and a request statement to 5 s, by default; 0 turns each off', () => {
    expect(loadConfig({})).toMatchObject({ rateLimits: { perSecond: 20, burst: 200, concurrent: 8 }, dbStatementTimeoutMs: 5_000 });
    const off = loadConfig({ RATE_LIMIT_PER_SECOND: '0', RATE_LIMIT_BURST: '0', RATE_LIMIT_CONCURRENT: '0', DB_STATEMENT_TIMEOUT_MS: '0' });
    expect(off).toMatchObject({ rateLimits: { perSecond: 0, burst: 0, concurrent: 0 }, dbStatementTimeoutMs: 0 });
    expect(() => loadConfig({ RATE_LIMIT_PER_SECOND: '-1', DB_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(/RATE_LIMIT_PER_SECOND[\s\S]*DB_STATEMENT_TIMEOUT_MS/);
  });

  it('reads booleans and numbers', () => {
    const c = loadConfig({ PORT: '8080', SEED_DEMO: 'false', DATABASE_URL: 'postgres://u:p@db:5432/otklik', SESSION_TTL_HOURS: '2' });
    expect(c).toMatchObject({ port: 8080, seedDemo: false, databaseUrl: 'postgres://u:p@db:5432/otklik', sessionTtlHours: 2 });
  });
});
