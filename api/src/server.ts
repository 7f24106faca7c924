import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { AuditWriter, Database, demoAccountCount, DomainError, serverInfo, warmNetworkCache } from '@wijkkring/graph';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { createYoga, isAsyncIterable, mapAsyncIterator, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import sirv from 'sirv';
import { BOOKMARK_COOKIE, bookmarkCookiePlugin, clearedBookmarkCookie, readBookmarkCookie } from './auth/bookmarks.js';
import { parseCookies, resumeSession, SESSION_COOKIE } from './auth/sessions.js';
import { localGenerations, redisGenerations, SessionCache } from './auth/session-cache.js';
import { createContext, type Context } from './context.js';
import type { Env } from './env.js';
import { apiError, TIMEOUT_MESSAGE, toGraphQLError } from './errors.js';
import { RequestGate } from './request-gate.js';
import { createLive, type Live } from './live.js';
import { originOfHttp } from './audit/http-audit.js';
import { EGO_DOWNLOAD_PATH, egoNetworkDownload } from './research/download.js';
import { IMPORT_UPLOAD_PATH, importUpload } from './import/upload.js';
import {
  armorPlugins,
  auditedOperationName,
  hasCsrfHeader,
  isFromThisMachine,
  literalInputErrorsPlugin,
  loadPersistedOperations,
  noIntrospectionPlugin,
  operationNamePlugin,
  persistedOperationsPlugin,
  readBodyWithin,
  REQUEST_LIMITS,
  requestInputError,
  setSecurityHeaders,
  timeoutBody,
  unsupportedMediaTypePlugin,
} from './hardening.js';
import { schema } from './schema/index.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

export interface ServerOptions {
  db: Database;
  env: Env;
  /** The live-update bus; made from env (REDIS_URL) when not given. Whoever makes it closes it. */
  live?: Live;
  /** Signed-in sessions in memory (issue 13); made from env (SESSION_CACHE_MS, REDIS_URL) when not given. */
  sessions?: SessionCache;
}

/** The session cache of one server: its generation in Redis when instances share one, else in memory. */
export function createSessionCache(env: Env): SessionCache {
  return new SessionCache(env.redisUrl ? redisGenerations(env.redisUrl) : localGenerations(), env.sessionCacheMs);
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
    // A variable (or literal) that does not fit its type, or a missing variable: bad input, with the field (issue 12).
    const input = requestInputError(error);
    if (input) return input;
    if (error instanceof GraphQLError && !error.originalError) return error; // parse and validation errors
    // A variable that does not fit its type (an unknown enum value, say): bad input, said plainly.
    if (error instanceof GraphQLError && original instanceof GraphQLError) {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'INVALID_INPUT', field: null },
      });
    }
    // A domain error without a code of the API (INTEGRITY: the data is not what the code expects) is an incident too.
    console.error('[api] unexpected error', original);
    return new GraphQLError(env.maskErrors ? message : `${message} (${String(original)})`, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: 'INTERNAL' },
    });
  };
}

/**
 * Writes the audit records a request noted before its response leaves. If they cannot be written,
 * the response carries no data at all, only the error (PRODUCT.md section 4).
 */
async function flushedOrWithheld<T>(context: Context, result: T): Promise<T | { errors: GraphQLError[] }> {
  try {
    await context.audit.flush();
  } catch (error) {
    console.error('[api] audit records could not be written; the response is withheld', error);
    return {
      errors: [
        apiError('AUDIT_UNAVAILABLE', 'The request could not be recorded, so it was not carried out. Try again in a moment.'),
      ],
    };
  }
  return result;
}

const auditBeforeResponse: Plugin<Context> = {
  onExecute({ setExecuteFn, executeFn }) {
    setExecuteFn(async (args: ExecutionArgs): Promise<unknown> => {
      const context = args.contextValue as Context;
      context.audit.setOperation(auditedOperationName(args.document, args.operationName));
      const result: unknown = await executeFn(args);
      return flushedOrWithheld(context, result);
    });
  },
  // A live stream: every event is recorded before it is sent, and so is a refused subscription.
  onSubscribe({ setSubscribeFn, subscribeFn }) {
    setSubscribeFn(async (args: ExecutionArgs): Promise<unknown> => {
      const context = args.contextValue as Context;
      context.audit.setOperation(auditedOperationName(args.document, args.operationName));
      const result: unknown = await subscribeFn(args);
      if (!isAsyncIterable(result)) return flushedOrWithheld(context, result);
      return mapAsyncIterator(result, (event: unknown) => flushedOrWithheld(context, event));
    });
  },
};

/** True for errors that are answers (they carry one of our codes, or are domain errors), not incidents. */
function isExpected(value: unknown): boolean {
  const original = value instanceof GraphQLError && value.originalError ? value.originalError : value;
  return (
    original instanceof DomainError ||
    (original instanceof GraphQLError && typeof original.extensions.code === 'string') ||
    requestInputError(value) !== undefined
  );
}

/** Yoga logs every error it rewrites; expected ones are answers, so only the rest reach the log. */
function yogaLogger(env: Env) {
  const verbose = env.nodeEnv === 'development';
  return {
    debug: () => undefined,
    info: (...args: unknown[]) => {
      if (verbose) console.info('[yoga]', ...args);
    },
    warn: (...args: unknown[]) => console.warn('[yoga]', ...args),
    error: (...args: unknown[]) => {
      if (!args.every(isExpected)) console.error('[yoga]', ...args);
    },
  };
}

interface ServerContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Set by the HTTP server (handleGraphQL): the request's TIMEOUT answer and its commits exclude each other. */
  gate?: RequestGate;
}

export function createYogaApp({
  db,
  env,
  live = createLive({ redisUrl: env.redisUrl }),
  sessions = createSessionCache(env),
}: ServerOptions): YogaServerInstance<ServerContext, Context> {
  const persisted = loadPersistedOperations(env.persistedOperationsFile);
  const auditWriter = new AuditWriter(db);
  const plugins: Plugin[] = [
    unsupportedMediaTypePlugin(),
    literalInputErrorsPlugin(),
    operationNamePlugin(),
    persistedOperationsPlugin(env, persisted),
    ...armorPlugins(),
  ];
  if (env.nodeEnv === 'production') plugins.push(noIntrospectionPlugin());
  plugins.push(auditBeforeResponse as Plugin);
  plugins.push(bookmarkCookiePlugin(env.secretKey) as Plugin);
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Same origin only: the web app is served by this server. No CORS headers, ever.
    cors: false,
    // GraphiQL (development only) sends the CSRF header like the web app does.
    graphiql: env.nodeEnv === 'development' ? { headers: JSON.stringify({ 'x-wijkkring-csrf': '1' }) } : false,
    maskedErrors: { maskError: maskError(env) },
    // Expected errors (bad input, database down) are answers, not incidents; unexpected ones are logged in maskError.
    logging: yogaLogger(env),
    plugins,
    context: async ({ request, req, res, gate }) => {
      const now = Date.now();
      const cookies = parseCookies(request.headers.get('cookie'));
      const token = cookies.get(SESSION_COOKIE) ?? null;
      // Issue 12: every transaction of the request, the session's lookup first, comes after the
      // client's own last write, whichever API instance took it (see auth/bookmarks.ts).
      const brought = readBookmarkCookie(env.secretKey, cookies.get(BOOKMARK_COOKIE));
      if (brought === null && !res.headersSent) res.appendHeader('set-cookie', clearedBookmarkCookie());
      const causal = db.causal(brought ?? []);
      const requestDb = gate ? causal.guarded(gate) : causal;
      let viewer: Viewer = ANONYMOUS;
      if (token) {
        const view = await resumeSession(requestDb, env, token, now, sessions).catch((error: unknown) => {
          throw toGraphQLError(error);
        });
        if (view?.session.stage === 'FULL')
          viewer = { kind: 'account', role: view.account.role, account: view.account, session: view.session };
      }
      return createContext(
        requestDb,
        env,
        auditWriter,
        viewer,
        {
          origin: originOfHttp(req, env),
          sessionToken: token,
          // Not after a TIMEOUT answer has gone (issue 12): the rest of the request runs on unanswered.
          setCookie: (cookie) => {
            if (!res.headersSent) res.appendHeader('set-cookie', cookie);
          },
        },
        live,
        sessions,
        now,
      );
    },
  });
}

/** A production start refuses demo accounts and a missing persisted-operation list. */
async function refuseUnsafeProduction(db: Database, env: Env): Promise<void> {
  if (env.nodeEnv !== 'production') return;
  const demo = await db.read((tx) => demoAccountCount(tx));
  if (demo > 0)
    throw new Error(`Refusing to start in production: the database holds ${String(demo)} demo account(s). Remove them first.`);
  if (loadPersistedOperations(env.persistedOperationsFile).size === 0) {
    throw new Error(
      `Refusing to start in production: no persisted operations at ${env.persistedOperationsFile} (build the web app).`,
    );
  }
}

/** A refusal before GraphQL sees the request, in the shape of a GraphQL error. */
function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Hands a GraphQL request to yoga with its body read first, within the limit (issue 11). A body
 * over the limit is answered 413 REQUEST_TOO_LARGE and the connection is closed, so nothing more
 * of it is read or parsed.
 */
async function handleGraphQL(
  yoga: YogaServerInstance<ServerContext, Context>,
  req: IncomingMessage,
  res: ServerResponse,
  timeoutMs: number,
) {
  // Issue 12: no response begun within the limit (a live stream begins at once) is answered TIMEOUT,
  // unless a write of the request has committed or is committing: then its real answer follows. The
  // work goes on unanswered, and none of its writes commits any more (RequestGate); its database
  // transactions end sooner still (NEO4J_TX_TIMEOUT_MS).
  const gate = new RequestGate();
  const timer = setTimeout(() => {
    if (res.headersSent || !gate.abandon()) return;
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(timeoutBody(TIMEOUT_MESSAGE));
  }, timeoutMs);
  res.once('close', () => clearTimeout(timer));
  const body = await readBodyWithin(req, REQUEST_LIMITS.maxBodyBytes);
  if (res.writableEnded) return;
  if (body === undefined) {
    refuse(res, 413, 'REQUEST_TOO_LARGE', `The request body is larger than ${String(REQUEST_LIMITS.maxBodyBytes / 1024)} KiB.`, {
      connection: 'close',
    });
    return;
  }
  // The body is read already: the server adapter takes it from `req.body`, as behind Express' body parsers. A
  // stream rather than the Buffer itself: the adapter enumerates the keys of a body it is given (every byte of a Buffer).
  Object.assign(req, { body: Readable.from([body]) });
  await yoga(req, res, { req, res, gate });
}

/** The Neo4j version is told only to the machine itself (a monitor there, an operator); others learn up or down (issue 12). */
async function health(db: Database, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const info = await db.read((tx) => serverInfo(tx));
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(isFromThisMachine(req) ? { status: 'ok', neo4j: info } : { status: 'ok' }));
  } catch {
    res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(isFromThisMachine(req) ? { status: 'unavailable', neo4j: null } : { status: 'unavailable' }));
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { env } = options;
  // Every transaction of this server ends within the database's share of the request time (issue 12).
  const db = options.db.withTransactionTimeout(env.neo4jTxTimeoutMs);
  await refuseUnsafeProduction(db, env);
  // Made here so that closing the server closes its Redis connections too (issue 12).
  const live = options.live ?? createLive({ redisUrl: env.redisUrl });
  const sessions = options.sessions ?? createSessionCache(env);
  const yoga = createYogaApp({ ...options, db, live, sessions });
  const hasWeb = existsSync(`${env.webDist}/index.html`);
  const assets = hasWeb ? sirv(env.webDist, { single: true, etag: true, dev: false, brotli: true, gzip: true }) : undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    setSecurityHeaders(res, path);
    if (path === '/healthz') {
      void health(db, req, res);
    } else if (path.startsWith(EGO_DOWNLOAD_PATH)) {
      void egoNetworkDownload(db, env, req, res).catch((error: unknown) => {
        // Before any byte of the file (a database that does not answer, say): a plain refusal.
        console.error('[api] ego-network download failed', error);
        if (!res.headersSent) {
          res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
          res.end('De download lukt nu niet. Probeer het zo nog eens.\n');
        } else res.destroy();
      });
    } else if (path === IMPORT_UPLOAD_PATH) {
      // The sociale kaart's file (issue 11): admin only, CSRF header, within IMPORT_LIMITS.maxBytes.
      void importUpload(db, env, req, res).catch((error: unknown) => {
        console.error('[api] import upload failed', error);
        if (!res.headersSent) refuse(res, 503, 'DATABASE_UNAVAILABLE', 'The file could not be stored. Try again in a moment.');
        else res.destroy();
      });
    } else if (path === '/graphql' || path.startsWith('/graphql/')) {
      if (
        !hasCsrfHeader(req.headers) &&
        !(env.nodeEnv === 'development' && req.method === 'GET' && !(req.url ?? '').includes('?'))
      ) {
        refuse(res, 403, 'CSRF_HEADER_MISSING', 'Missing the x-wijkkring-csrf header.');
        return;
      }
      // Fails only when the client goes away while sending its body: nobody is left to answer.
      void handleGraphQL(yoga, req, res, env.requestTimeoutMs).catch(() => res.destroy());
    } else if (assets) {
      // sirv streams a file without listening for its errors: a file of the web app that went away
      // after the start (a new build, a deploy) would end the whole process. Its stream is piped
      // into `res`, which says so synchronously, so the error is caught here (issue 14).
      res.once('pipe', (source: NodeJS.ReadableStream) => {
        source.once('error', (error: unknown) => {
          console.error('[api] a file of the web app could not be read', error);
          res.destroy();
        });
      });
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
  // A production server computes the research views' organisation networks once at start (issue 10),
  // so the first researcher does not wait for them; a failure only means the first request computes them.
  if (env.nodeEnv === 'production') {
    void warmNetworkCache(db, new Date().toISOString().slice(0, 10)).catch((error: unknown) =>
      console.error('[api] research networks not precomputed', error),
    );
  }
  const shownHost = env.host === '0.0.0.0' || env.host === '127.0.0.1' ? 'localhost' : env.host;
  return {
    url: `http://${shownHost}:${String(port)}`,
    port,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (!options.live) await live.close();
      if (!options.sessions) await sessions.close();
    },
  };
}
