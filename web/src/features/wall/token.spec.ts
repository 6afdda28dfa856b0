import { describe, expect, it } from 'vitest';
import { takeWallToken, WALL_TOKEN_KEY } from './token';

describe('takeWallToken', () => {
  it('takes the token from #token=, keeps it in localStorage and removes it from the address, keeping the rest and the history state', () => {
    window.history.replaceState({ position: 3 }, '', '/wall?screen=1#token=abc.DEF-123');
    expect(takeWallToken()).toBe('abc.DEF-123');
    expect(localStorage.getItem(WALL_TOKEN_KEY)).toBe('abc.DEF-123');
    expect(window.location.hash).toBe('');
    expect(`${window.location.pathname}${window.location.search}`).toBe('/wall?screen=1');
    expect(window.history.state).toEqual({ position: 3 });
  });

  it('a new token in the address replaces the kept one', () => {
    localStorage.setItem(WALL_TOKEN_KEY, 'old');
    window.history.replaceState(null, '', '/wall#token=new');
    expect(takeWallToken()).toBe('new');
    expect(localStorage.getItem(WALL_TOKEN_KEY)).toBe('new');
  });

  it('without a token in the address, returns the kept one and leaves the address alone', () => {
    localStorage.setItem(WALL_TOKEN_KEY, 'kept');
    window.history.replaceState(null, '', '/wall#other=1');
    expect(takeWallToken()).toBe('kept');
    expect(window.location.hash).toBe('#other=1');
  });

  it('returns null when there is no token anywhere, or an empty one in the address', () => {
    window.history.replaceState(null, '', '/wall');
    expect(takeWallToken()).toBeNull();
    window.history.replaceState(null, '', '/wall#token=');
    expect(takeWallToken()).toBeNull();
    expect(localStorage.getItem(WALL_TOKEN_KEY)).toBeNull();
  });
});
