import { AuditWriter, type Database } from '@wijkkring/graph';
import { lexicographicSortSchema } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { builder } from './builder.js';
import { createContext, type Context } from './context.js';
import type { Env } from './env.js';
import { createLive } from './live.js';
import { localGenerations, SessionCache } from './auth/session-cache.js';
import './schema/index.js';
import { ANONYMOUS } from './viewer.js';

/**
 * FOR THE SPEED COMPARISON ONLY (`npm run bench:compare`, issue 13): the same schema and resolvers
 * as the API, without what surrounds the data path: no session, no access policy, no audit record,
 * no CSRF header, no request limits. It answers anyone everything the resolvers read, so no server
 * of Wijkkring ever serves it (main.ts and startServer use `createYogaApp`); the benchmark runs it
 * beside the real server to show what the checks cost, against the Neo4j GraphQL Library's data path.
 */
export function createUncheckedYogaForBenchmark(db: Database, env: Env): YogaServerInstance<object, Context> {
  // A second build of the schema: the served one has the access policy woven into its resolvers.
  const schema = lexicographicSortSchema(builder.toSchema());
  const auditWriter = new AuditWriter(db);
  const live = createLive();
  const sessions = new SessionCache(localGenerations(), 0);
  return createYoga<object, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    maskedErrors: false,
    logging: false,
    context: () =>
      createContext(
        db,
        env,
        auditWriter,
        ANONYMOUS,
        { origin: null, sessionToken: null, setCookie: () => undefined },
        live,
        sessions,
      ),
  });
}
