import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { useTransport } from '../../../shared/injection';
import { isAppLocale, storedLocale, useLocale } from '../../../shared/locale';
import { meQuery } from '../graphql/me.query';
import { signInMutation } from '../graphql/sign-in.mutation';
import { signOutMutation } from '../graphql/sign-out.mutation';

/**
 * Signing in and out. The server sets or clears the httpOnly session cookie; here the cache is reset to the
 * new person (or to nobody) and the WebSocket is reopened, because it authenticated with the old cookie.
 */
export function useSession() {
  const { resolveClient } = useApolloClient();
  const transport = useTransport();
  const { setLocale } = useLocale();
  const signInOp = useMutation(signInMutation);
  const signOutOp = useMutation(signOutMutation);

  async function signIn(username: string, password: string) {
    const result = await signInOp.mutate({ username: username.trim(), password });
    const user = result?.data?.signIn.user;
    if (!user) return null;
    const client = resolveClient();
    await client.clearStore();
    client.writeQuery({ query: meQuery, data: { me: user } });
    transport.restart();
    // The person's own language applies unless a language was chosen on this device.
    if (!storedLocale() && isAppLocale(user.locale)) setLocale(user.locale, false);
    return user;
  }

  async function signOut() {
    try {
      await signOutOp.mutate();
    } finally {
      const client = resolveClient();
      await client.clearStore();
      client.writeQuery({ query: meQuery, data: { me: null } });
      transport.restart();
    }
  }

  return {
    signIn,
    signOut,
    signingIn: signInOp.loading,
    signInError: signInOp.error,
    signingOut: signOutOp.loading,
  };
}
