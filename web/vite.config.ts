import { createRequire } from 'node:module';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const require = createRequire(import.meta.url);

/** ECharts and what only it needs (the analytics and wall pages load them). */
const CHARTS = /node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/;

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
    // The generated documents are one module (web/src/gql: every operation's AST, looked up by its text), which no
    // chunking can cut; they passed 500 kB with issue 13's operations, and compress to 27 kB. Every other chunk stays
    // well under (the largest, the libraries, about 410 kB). start.e2e.ts holds the build to this limit.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // The libraries apart from the dashboard's own code, so that a new build of the dashboard leaves them
        // cached, and no chunk over the size warning (below): Vue with its router and i18n; the other libraries every
        // page needs (Apollo, graphql, graphql-ws); the generated documents (large, but mostly repeated AST keys:
        // they compress tenfold); ECharts and ZRender, its renderer, which only the analytics and wall pages load.
        // Earlier groups take a module first, so that a library ECharts shares (tslib) stays where every page has it.
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/, priority: 50 },
            { name: 'vendor', test: (id: string) => /node_modules/.test(id) && !CHARTS.test(id), priority: 40 },
            { name: 'documents', test: /[\\/]src[\\/]gql[\\/]/, priority: 30 },
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/, priority: 20 },
            { name: 'echarts', test: CHARTS, priority: 10 },
          ],
        },
      },
    },
  },
});
