import { createServer } from 'node:http';
import postgraphilePackage from 'postgraphile';
import pg from 'pg';

const { postgraphile, makeAddPgTableConditionPlugin } = postgraphilePackage;

/**
 * PostGraphile 4 as a library (its HTTP handler on node:http), over the same database as the product (schema
 * `public`, the superuser's view of it). Its generated `allItems` takes a condition of column equalities only;
 * "open only" is a status outside a list, which a condition cannot say, so one condition field is added with
 * graphile-utils' makeAddPgTableConditionPlugin: `openOnly: true` adds `status not in ('CLOSED', 'REDIRECTED',
 * 'MERGED')` to the WHERE clause — the product's own predicate, no computed column, no view.
 */
const OpenOnly = makeAddPgTableConditionPlugin(
  'public',
  'item',
  'openOnly',
  (build) => ({ description: 'Only items not closed, redirected or merged', type: build.graphql.GraphQLBoolean }),
  (value, { sql, sqlTableAlias }) => (value === true ? sql.fragment`${sqlTableAlias}.status not in ('CLOSED', 'REDIRECTED', 'MERGED')` : null),
);

export async function startPostGraphileBaseline(databaseUrl: string): Promise<{ port: number; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  const handler = postgraphile(pool, 'public', {
    graphqlRoute: '/graphql',
    graphiql: false,
    watchPg: false,
    retryOnInitFail: false,
    disableQueryLog: true,
    disableDefaultMutations: true,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    legacyRelations: 'omit',
    appendPlugins: [OpenOnly],
  });
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.release();
      await pool.end();
    },
  };
}
