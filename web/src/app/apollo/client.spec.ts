import { afterEach, describe, expect, it, vi } from 'vitest';
import { signInMutation } from '../../features/auth/graphql/sign-in.mutation';
import { departmentsQuery } from '../../features/organisation/graphql/departments.query';
import { createApollo } from './client';

function answer(body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('createApollo', () => {
  it('sends the session cookie with every request to /graphql', async () => {
    const fetch = answer({ data: { departments: [] } });
    vi.stubGlobal('fetch', fetch);
    const { client } = createApollo({ httpUri: 'http://localhost/graphql' });
    await client.query({ query: departmentsQuery, variables: {} });
    const init = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init[0]).toBe('http://localhost/graphql');
    expect(init[1].credentials).toBe('same-origin');
  });

  it('reports an ended session (UNAUTHENTICATED) so the app can go back to sign-in', async () => {
    vi.stubGlobal('fetch', answer({ data: null, errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const onUnauthenticated = vi.fn();
    const { client } = createApollo({ httpUri: 'http://localhost/graphql', onUnauthenticated });
    await expect(client.query({ query: departmentsQuery, variables: {} })).rejects.toThrow();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('does not treat a failed sign-in as an ended session', async () => {
    vi.stubGlobal('fetch', answer({ data: null, errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const onUnauthenticated = vi.fn();
    const { client } = createApollo({ httpUri: 'http://localhost/graphql', onUnauthenticated });
    await expect(client.mutate({ mutation: signInMutation, variables: { username: 'a', password: 'b' } })).rejects.toThrow();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
