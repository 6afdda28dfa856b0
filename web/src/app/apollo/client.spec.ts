import { afterEach, describe, expect, it, vi } from 'vitest';
import { gql } from '@apollo/client/core';
import { signInMutation } from '../../features/auth/graphql/sign-in.mutation';
import { departmentsQuery } from '../../features/organisation/graphql/departments.query';
import { organisationChangedSubscription } from '../../features/organisation/graphql/organisation-changed.subscription';
import manifestText from '../../gql/persisted-documents.json?raw';
import { createApollo } from './client';

// The socket is graphql-ws's business: a fake client records what the dashboard subscribes with.
const subscribed = vi.hoisted(() => [] as { query: string; extensions?: Record<string, unknown> }[]);
vi.mock('graphql-ws', () => ({
  createClient: () => ({
    dispose: () => undefined,
    subscribe: (payload: { query: string; extensions?: Record<string, unknown> }, sink: { complete: () => void }) => {
      subscribed.push(payload);
      sink.complete();
      return () => undefined;
    },
  }),
}));

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

describe('trusted documents', () => {
  /** The manifest graphql-codegen writes beside the generated documents: hash → text. */
  const manifest = JSON.parse(manifestText) as Record<string, string>;
  const hashOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;
  const bodyOf = (fetch: ReturnType<typeof answer>) => JSON.parse(String((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body)) as { query: string; extensions?: { persistedQuery?: unknown } };

  it("sends each dashboard operation's text with the hash of its manifest entry in extensions.persistedQuery", async () => {
    const fetch = answer({ data: { departments: [] } });
    vi.stubGlobal('fetch', fetch);
    const { client } = createApollo({ httpUri: 'http://localhost/graphql' });
    await client.query({ query: departmentsQuery, variables: {} });
    const body = bodyOf(fetch);
    expect(Object.keys(manifest)).toContain(hashOf(departmentsQuery));
    expect(body.extensions?.persistedQuery).toEqual({ version: 1, sha256Hash: hashOf(departmentsQuery) });
    expect(body.query).toMatch(/query Departments\b/);
  });

  it('sends the hash with a subscription over the socket too', async () => {
    subscribed.length = 0;
    const { client } = createApollo({ httpUri: 'http://localhost/graphql', wsUrl: 'ws://localhost/graphql' });
    await new Promise<void>((resolve, reject) =>
      client.subscribe({ query: organisationChangedSubscription, variables: {} }).subscribe({ complete: resolve, error: reject }),
    );
    expect(subscribed).toHaveLength(1);
    expect(subscribed[0]!.query).toMatch(/subscription OrganisationChanged\b/);
    expect(subscribed[0]!.extensions?.persistedQuery).toEqual({ version: 1, sha256Hash: hashOf(organisationChangedSubscription) });
  });

  it('sends a document that codegen did not hash without any persistedQuery', async () => {
    const fetch = answer({ data: { ping: true } });
    vi.stubGlobal('fetch', fetch);
    const { client } = createApollo({ httpUri: 'http://localhost/graphql' });
    await client.query({ query: gql`query Ping { ping }` });
    expect(bodyOf(fetch).extensions?.persistedQuery).toBeUndefined();
  });
});
