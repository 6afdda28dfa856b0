import { createApp } from 'vue';
import { DefaultApolloClient } from '@vue/apollo-composable';
import '../ui/theme.css';
import App from './App.vue';
import { createApollo } from './apollo/client';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { meQuery } from '../features/auth/graphql/me.query';
import { TransportKey } from '../shared/injection';
import { applyDocumentLocale } from '../shared/locale';

const i18n = createAppI18n();
applyDocumentLocale(i18n.global.locale.value);

// When the server says the session is over (expired, revoked, password changed elsewhere), start again at sign-in.
let handlingSignOut = false;
const { client, transport } = createApollo({
  onUnauthenticated: () => {
    if (handlingSignOut) return;
    handlingSignOut = true;
    void client
      .clearStore()
      .then(() => {
        client.writeQuery({ query: meQuery, data: { me: null } });
        transport.restart();
        const current = router.currentRoute.value;
        return router.replace({ name: 'sign-in', query: current.meta.public ? {} : { redirect: current.fullPath } });
      })
      .finally(() => (handlingSignOut = false));
  },
});

const router = createAppRouter(client, { i18n: i18n.global });

createApp(App)
  .provide(DefaultApolloClient, client)
  .provide(TransportKey, transport)
  .use(i18n)
  .use(router)
  .mount('#app');
