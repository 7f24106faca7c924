import { loadEnv, startServer, type RunningServer } from '@wijkkring/api';
import type { Database } from '@wijkkring/graph';
import { inject } from 'vitest';
import { freshCode, type TestAccount } from './accounts.js';
import { serverSentEvents } from './sse.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; field?: string | null; limit?: string; retryAfterSeconds?: number };
  }[];
  /** Set-Cookie headers of the response. */
  cookies: string[];
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
    // Every request of the test run comes from 127.0.0.1: the per-address login limit is tested on its own.
    LOGIN_ADDRESS_MAX_FAILURES: '10000',
    ...overrides,
  });
  return startServer({ db, env });
}

export interface RequestOptions {
  cookie?: string | null;
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
  /** Leave the query text out (persisted operations). */
  omitQuery?: boolean;
}

/** One GraphQL request over real HTTP, with the CSRF header the web app sends. */
export async function graphql<T = Record<string, unknown>>(
  server: { port: number },
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`http://127.0.0.1:${String(server.port)}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-wijkkring-csrf': '1',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: JSON.stringify({
      ...(options.omitQuery ? {} : { query }),
      variables,
      ...(options.extensions ? { extensions: options.extensions } : {}),
    }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'cookies'>;
  return { status: response.status, ...body, cookies: response.headers.getSetCookie() };
}

/** The value to send back for the session cookie in a response, if it set one (empty when cleared). */
export function sessionCookieFrom(response: { cookies: string[] }): string | null | undefined {
  const cookie = response.cookies.find((c) => c.startsWith('wk_session='));
  if (cookie === undefined) return undefined;
  const value = cookie.split(';')[0] ?? '';
  return value === 'wk_session=' ? null : value;
}

/** A browser-like session: keeps the cookie between requests. */
export class ApiSession {
  cookie: string | null = null;

  constructor(readonly server: { port: number }) {}

  async graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await graphql<T>(this.server, query, variables, { cookie: this.cookie, ...options });
    const next = sessionCookieFrom(response);
    if (next !== undefined) this.cookie = next;
    return response;
  }

  /** Signs in with password and, where needed, a fresh TOTP code; throws when that fails. */
  async signIn(account: TestAccount): Promise<this> {
    const first = await this.graphql<{ login: { status: string } }>(LOGIN, {
      input: { username: account.username, password: account.password },
    });
    const status = first.data?.login.status;
    if (status === 'TOTP_REQUIRED') {
      const second = await this.graphql<{ verifyTotp: { status: string } }>(VERIFY, {
        input: { code: await freshCode(account) },
      });
      if (second.data?.verifyTotp.status !== 'SIGNED_IN') throw new Error(`TOTP step failed: ${JSON.stringify(second.errors)}`);
    } else if (status !== 'SIGNED_IN') {
      throw new Error(`login failed for ${account.username}: ${JSON.stringify(first.errors ?? first.data)}`);
    }
    return this;
  }
}

export const LOGIN =
  'mutation ($input: LoginInput!) { login(input: $input) { status totpSetup { secret uri } viewer { username role } } }';
export const VERIFY = 'mutation ($input: VerifyTotpInput!) { verifyTotp(input: $input) { status viewer { username role } } }';

export async function signedIn(server: { port: number }, account: TestAccount): Promise<ApiSession> {
  return new ApiSession(server).signIn(account);
}

/**
 * A GraphQL subscription over server-sent events, as the web app opens it: POST with
 * `accept: text/event-stream`, the CSRF header and the session cookie. `next` waits for the next
 * event (undefined after `timeoutMs`); `close` ends the stream.
 */
export class LiveStream {
  private readonly events: GraphQLResponse[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly controller = new AbortController();
  status = 0;
  ended = false;

  static async open(
    server: { port: number },
    query: string,
    variables: Record<string, unknown>,
    cookie: string | null,
  ): Promise<LiveStream> {
    const stream = new LiveStream();
    const response = await fetch(`http://127.0.0.1:${String(server.port)}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'x-wijkkring-csrf': '1',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: stream.controller.signal,
    });
    stream.status = response.status;
    void stream.read(response);
    return stream;
  }

  private async read(response: Response): Promise<void> {
    if (!response.body) return;
    try {
      for await (const { data } of serverSentEvents(response.body)) {
        // yoga ends a stream with an empty "complete" event; only "next" events carry data.
        this.events.push({ status: this.status, cookies: [], ...(JSON.parse(data) as object) });
        this.waiters.splice(0).forEach((wake) => wake());
      }
    } catch {
      // aborted by close()
    } finally {
      this.ended = true;
      this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  async next<T = Record<string, unknown>>(timeoutMs = 5_000): Promise<GraphQLResponse<T> | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length === 0 && !this.ended && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events.shift() as GraphQLResponse<T> | undefined;
  }

  close(): void {
    this.controller.abort();
  }
}

const FIRST_ENTRIES = 'query ($id: ID!) { networkCircle(id: $id) { entries { id ring sector version } } }';
const MOVE_ENTRY = 'mutation ($input: MoveCircleEntryInput!) { moveCircleEntry(input: $input) { version } }';

/**
 * Moves the circle's first entry to another ring, as `session` (a change for live streams to
 * announce); throws when the read or the move is refused.
 */
export async function moveFirstEntry(session: ApiSession, circleId: string): Promise<void> {
  const read = await session.graphql<{
    networkCircle: { entries: { id: string; ring: number; sector: string; version: number }[] } | null;
  }>(FIRST_ENTRIES, { id: circleId });
  const entry = read.data?.networkCircle?.entries[0];
  if (!entry) throw new Error(`cannot read the circle: ${JSON.stringify(read.errors)}`);
  const moved = await session.graphql(MOVE_ENTRY, {
    input: { circleId, entryId: entry.id, expectedVersion: entry.version, ring: entry.ring === 1 ? 2 : 1, sector: entry.sector },
  });
  if (moved.errors) throw new Error(`the move was refused: ${JSON.stringify(moved.errors)}`);
}
