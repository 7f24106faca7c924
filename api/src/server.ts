import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Database, DomainError, serverInfo } from '@wijkkring/graph';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import sirv from 'sirv';
import { createContext, type Context } from './context.js';
import type { Env } from './env.js';
import { toGraphQLError } from './errors.js';
import { schema } from './schema/index.js';
import { DEVELOPMENT_VIEWER } from './viewer.js';

export interface ServerOptions {
  db: Database;
  env: Env;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Errors of ours (with a code) pass; anything unexpected is masked, always, outside development. */
function maskError(env: Env) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    const mapped = toGraphQLError(original);
    if (mapped instanceof GraphQLError && typeof mapped.extensions.code === 'string') {
      if (error instanceof GraphQLError && mapped !== error) {
        return new GraphQLError(mapped.message, { nodes: error.nodes, path: error.path, extensions: mapped.extensions });
      }
      return mapped;
    }
    if (error instanceof GraphQLError && !error.originalError) return error; // parse and validation errors
    if (!(original instanceof DomainError)) console.error('[api] unexpected error', original);
    return new GraphQLError(env.nodeEnv === 'development' ? `${message} (${String(original)})` : message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'INTERNAL' },
    });
  };
}

export function createYogaApp({ db, env }: ServerOptions): YogaServerInstance<Record<string, unknown>, Context> {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: env.nodeEnv === 'development',
    maskedErrors: { maskError: maskError(env) },
    // Expected errors (bad input, database down) are answers, not incidents; unexpected ones are logged in maskError.
    logging: env.nodeEnv === 'development' ? 'info' : 'warn',
    context: () => createContext(db, env.circleLayout, DEVELOPMENT_VIEWER),
  });
}

async function health(db: Database, res: ServerResponse): Promise<void> {
  try {
    const info = await db.read((tx) => serverInfo(tx));
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ status: 'ok', neo4j: info }));
  } catch {
    res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ status: 'unavailable', neo4j: null }));
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { db, env } = options;
  const yoga = createYogaApp(options);
  const hasWeb = existsSync(`${env.webDist}/index.html`);
  const assets = hasWeb ? sirv(env.webDist, { single: true, etag: true, dev: false }) : undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      void health(db, res);
    } else if (path === '/graphql' || path.startsWith('/graphql/')) {
      void yoga(req, res);
    } else if (assets) {
      assets(req, res, () => {
        res.writeHead(404);
        res.end();
      });
    } else {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('De web-app is nog niet gebouwd. Start met `npm start`.\n');
    }
  });
  // The whole request may take no longer than this; a stuck client cannot hold a socket forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.port, env.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = env.host === '0.0.0.0' || env.host === '127.0.0.1' ? 'localhost' : env.host;
  return {
    url: `http://${shownHost}:${String(port)}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
