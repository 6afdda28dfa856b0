import { createRequire } from 'node:module';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const require = createRequire(import.meta.url);

/** The API the dev server proxies to; `OTKLIK_API=http://127.0.0.1:4300 pnpm dev` points it elsewhere. */
const api = process.env.OTKLIK_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [vue()],
  resolve: {
    // graphql 16 has no exports map: without this alias Vite may load two copies ("Duplicate graphql modules").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/healthz': { target: api },
      // Attachments: upload (POST /files) and download (GET /files/:id).
      '/files': { target: api },
      // Generated reports and row-level exports (GET /reports/<id>.xlsx|pdf, /exports/items.csv|xlsx).
      '/reports/': { target: api },
      '/exports/': { target: api },
      '/readyz': { target: api },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
