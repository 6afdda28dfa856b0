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

  it('reads booleans and numbers', () => {
    const c = loadConfig({ PORT: '8080', SEED_DEMO: 'false', DATABASE_URL: 'postgres://u:p@db:5432/otklik', SESSION_TTL_HOURS: '2' });
    expect(c).toMatchObject({ port: 8080, seedDemo: false, databaseUrl: 'postgres://u:p@db:5432/otklik', sessionTtlHours: 2 });
  });
});
