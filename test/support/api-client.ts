import { loadEnv, startServer, type RunningServer } from '@wijkkring/api';
import type { Database } from '@wijkkring/graph';
import { inject } from 'vitest';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string | null } }[];
}

/** Starts the real HTTP server on a free port, on the given database connection. */
export async function startTestServer(db: Database, overrides: Record<string, string> = {}): Promise<RunningServer> {
  const neo = inject('neo4j');
  const env = loadEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    WEB_DIST: '/nonexistent',
    ...overrides,
  });
  return startServer({ db, env });
}

export async function graphql<T = Record<string, unknown>>(
  server: { port: number },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`http://127.0.0.1:${String(server.port)}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}
