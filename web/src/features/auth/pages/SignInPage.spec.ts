import { describe, expect, it, vi } from 'vitest';
import { GraphQLError } from 'graphql';
import { meQuery } from '../graphql/me.query';
import { signInMutation } from '../graphql/sign-in.mutation';
import { render, settle } from '../../../test/render';
import { viewerFixture } from '../../../test/fixtures';
import SignInPage from './SignInPage.vue';

async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof render>>['wrapper'], username: string, password: string) {
  await wrapper.get('[data-testid="signin-username"]').setValue(username);
  await wrapper.get('[data-testid="signin-password"]').setValue(password);
  await wrapper.get('form').trigger('submit');
  await settle();
}

describe('SignInPage', () => {
  it('shows the translated error for INVALID_CREDENTIALS, never the server message', async () => {
    const { wrapper, router } = await render(SignInPage, {
      route: '/sign-in',
      mocks: [
        {
          request: { query: signInMutation, variables: { username: 'head', password: 'wrong' } },
          result: {
            errors: [new GraphQLError('Wrong username or password', { extensions: { code: 'INVALID_CREDENTIALS' } })],
          },
        },
      ],
    });

    await fillAndSubmit(wrapper, 'head', 'wrong');

    const error = wrapper.get('[data-testid="signin-error"]');
    expect(error.text()).toContain('Неверное имя пользователя или пароль.');
    expect(error.text()).not.toContain('Wrong username or password');
    expect(error.attributes('role')).toBe('alert');
    expect(router.currentRoute.value.name).toBe('sign-in');
    // The password is cleared for the next attempt; the username stays.
    expect((wrapper.get('[data-testid="signin-password"]').element as HTMLInputElement).value).toBe('');
    expect((wrapper.get('[data-testid="signin-username"]').element as HTMLInputElement).value).toBe('head');
  });

  it('shows TOO_MANY_ATTEMPTS with the seconds to wait, in English when English is chosen', async () => {
    const { wrapper } = await render(SignInPage, {
      route: '/sign-in',
      locale: 'en',
      mocks: [
        {
          request: { query: signInMutation, variables: { username: 'head', password: 'x' } },
          result: { errors: [new GraphQLError('Too many', { extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfter: 8 } })] },
        },
      ],
    });
    await fillAndSubmit(wrapper, 'head', 'x');
    expect(wrapper.get('[data-testid="signin-error"]').text()).toContain('Too many failed sign-in attempts');
    expect(wrapper.get('[data-testid="error-retry-after"]').text()).toBe('Try again in 8 s.');
  });

  it('signs in, puts the person in the cache, reopens the WebSocket and goes where it was asked to', async () => {
    const head = viewerFixture('HEAD');
    const result = vi.fn(() => ({ data: { signIn: { __typename: 'Session', expiresAt: '2026-11-28T00:00:00.000Z', user: head } } }));
    const { wrapper, router, client, transport } = await render(SignInPage, {
      route: '/sign-in?redirect=/organisation/departments',
      mocks: [{ request: { query: signInMutation, variables: { username: 'head', password: 'demo' } }, result }],
    });

    // Spaces around the username are not part of it.
    await fillAndSubmit(wrapper, '  head ', 'demo');

    expect(result).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.fullPath).toBe('/organisation/departments');
    expect(client.readQuery({ query: meQuery })?.me?.fullName).toBe('Гордеева Наталья Викторовна');
    expect(transport.restart).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(false);
  });

  it('goes home after signing in when no page was asked for, and never to another site', async () => {
    const { wrapper, router } = await render(SignInPage, {
      route: '/sign-in?redirect=//evil.example',
      mocks: [
        {
          request: { query: signInMutation, variables: { username: 'analyst', password: 'demo' } },
          result: { data: { signIn: { __typename: 'Session', expiresAt: '2026-11-28T00:00:00.000Z', user: viewerFixture('ANALYST') } } },
        },
      ],
    });
    await fillAndSubmit(wrapper, 'analyst', 'demo');
    expect(router.currentRoute.value.fullPath).toBe('/');
  });

  it('asks for both fields before sending anything', async () => {
    const sent = vi.fn(() => ({ data: { signIn: null } }));
    const { wrapper, router } = await render(SignInPage, {
      route: '/sign-in',
      mocks: [{ request: { query: signInMutation }, variableMatcher: () => true, result: sent }],
    });
    await wrapper.get('form').trigger('submit');
    await settle();
    expect(sent).not.toHaveBeenCalled();
    expect(wrapper.text().match(/Обязательное поле/g)).toHaveLength(2);
    expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(false);
    expect(router.currentRoute.value.name).toBe('sign-in');
  });
});
