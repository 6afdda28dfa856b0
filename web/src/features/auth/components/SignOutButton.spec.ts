import { describe, expect, it, vi } from 'vitest';
import { meQuery } from '../graphql/me.query';
import { signOutMutation } from '../graphql/sign-out.mutation';
import { meMock, render, settle, settled } from '../../../test/render';
import SignOutButton from './SignOutButton.vue';

describe('SignOutButton', () => {
  it('ends the session, forgets the person, reopens the WebSocket and goes to sign-in', async () => {
    const result = vi.fn(() => ({ data: { signOut: true } }));
    const { wrapper, client, router, transport } = await render(SignOutButton, {
      route: '/tokens',
      mocks: [meMock('HEAD'), { request: { query: signOutMutation }, result }],
    });
    await settled(client.query({ query: meQuery }));
    expect(client.readQuery({ query: meQuery })?.me?.username).toBe('head');

    await wrapper.get('[data-testid="signout"]').trigger('click');
    await settle();

    expect(result).toHaveBeenCalledTimes(1);
    expect(client.readQuery({ query: meQuery })).toEqual({ me: null });
    expect(transport.restart).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('still forgets the person locally when the server cannot be reached', async () => {
    const { wrapper, client, router, transport } = await render(SignOutButton, {
      route: '/',
      mocks: [meMock('HEAD'), { request: { query: signOutMutation }, error: new TypeError('Failed to fetch') }],
    });
    await settled(client.query({ query: meQuery }));
    await wrapper.get('[data-testid="signout"]').trigger('click');
    await settle();
    expect(client.readQuery({ query: meQuery })).toEqual({ me: null });
    expect(transport.restart).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.name).toBe('sign-in');
  });
});
