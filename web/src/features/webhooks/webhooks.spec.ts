import { describe, expect, it, vi } from 'vitest';
import { generateSecret, itemNumberOf, parseOwner, secretProblem } from './webhooks';

describe('webhook helpers', () => {
  it('generates a secret of 32 bytes from getRandomValues, as 64 hex digits', () => {
    const getRandomValues = vi.fn((array: Uint8Array) => {
      array.forEach((_, i, a) => (a[i] = i === 0 ? 0x0f : 0xa0 + i));
      return array;
    });
    const secret = generateSecret({ getRandomValues });
    expect(getRandomValues).toHaveBeenCalledTimes(1);
    expect(secret).toHaveLength(64);
    expect(secret.startsWith('0fa1a2')).toBe(true);
    expect(secretProblem(secret)).toBeNull();
  });

  it('gives two different secrets from the real generator', () => {
    expect(generateSecret()).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSecret()).not.toBe(generateSecret());
  });

  it("checks a secret as the server does: 16 to 256 printable characters, no spaces", () => {
    expect(secretProblem('x'.repeat(15))).toBe('secretTooShort');
    expect(secretProblem('x'.repeat(16))).toBeNull();
    expect(secretProblem('x'.repeat(257))).toBe('secretTooLong');
    expect(secretProblem('abcdefgh ijklmnop')).toBe('secretUnprintable');
    expect(secretProblem('секретсекретсекрет')).toBe('secretUnprintable');
  });

  it("reads the item's number from a delivery's body, and nothing from a ping or a body that is not JSON", () => {
    expect(itemNumberOf(JSON.stringify({ id: 'd', event: 'CREATED', item: { id: 'i', number: '2026-000731' } }))).toBe('2026-000731');
    expect(itemNumberOf(JSON.stringify({ id: 'd', event: 'PING', webhookId: 'w' }))).toBeNull();
    expect(itemNumberOf(JSON.stringify({ item: { number: 731 } }))).toBeNull();
    expect(itemNumberOf('not json')).toBeNull();
  });

  it("tells a token owner from a person's username", () => {
    expect(parseOwner('token:CRM ЖКХ')).toEqual({ kind: 'token', name: 'CRM ЖКХ' });
    expect(parseOwner('head')).toEqual({ kind: 'user', name: 'head' });
  });
});
