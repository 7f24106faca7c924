// `npm run bench:circle -- 10000`: issue 4's performance targets, measured on a synthetic city.
// Prints figures; asserts only what is not a duration (one Cypher statement for the circle data).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createYogaApp, loadEnv, startServer, type Env } from '@wijkkring/api';
import {
  AuditWriter,
  Database,
  datasetChecksum,
  deleteSyntheticCity,
  findCircle,
  findSession,
  hashPassword,
  recordDataset,
  upsertAccounts,
  type AccountRow,
} from '@wijkkring/graph';
import { benchAuditEntry, generateCity, loadCity, percentile, type CityOptions } from '@wijkkring/seed';
import { serverSentEvents } from '../support/sse.js';

type Log = (line: string) => void;

export interface BenchNeo4j {
  uri: string;
  user: string;
  password: string;
  kind: string;
  pid?: number | undefined;
}

interface Options {
  clients: number;
  seed: number;
  accounts: number;
  concurrency: number;
  reads: number;
  moves: number;
  live: number;
  drop: boolean;
}

const FLAGS = ['seed', 'accounts', 'concurrency', 'reads', 'moves', 'live'] as const;

/** `10000 --reads 3000 --moves 2000 --live 50 --accounts 200 --concurrency 8 --seed N --drop` */
export function parseArgs(argv: readonly string[]): Options {
  const numbers = new Map<string, number>();
  let clients = 10_000;
  let drop = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (/^\d+$/.test(arg)) {
      clients = Number(arg);
      continue;
    }
    if (arg === '--drop') {
      drop = true;
      continue;
    }
    const match = /^--([a-z]+)(?:=(\d+))?$/.exec(arg);
    const name = match?.[1] ?? '';
    if (!match || !(FLAGS as readonly string[]).includes(name))
      throw new Error(`Unknown argument "${arg}". Use: <clients> ${FLAGS.map((f) => `--${f} N`).join(' ')} --drop`);
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${arg} needs a whole number.`);
    numbers.set(name, Number(value));
  }
  const get = (name: (typeof FLAGS)[number], fallback: number): number => numbers.get(name) ?? fallback;
  const options: Options = {
    clients,
    // One city per size, apart from the generator benchmark's (1000+) and seed:generate's (1).
    seed: get('seed', 4_000_000 + clients),
    accounts: get('accounts', 200),
    concurrency: get('concurrency', 8),
    reads: get('reads', 3_000),
    moves: get('moves', 2_000),
    live: get('live', 50),
    drop,
  };
  if (options.clients < options.accounts) throw new Error('Need at least as many clients as accounts.');
  if (options.accounts < options.concurrency) throw new Error('Need at least one account per worker.');
  return options;
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

export interface Figure {
  name: string;
  n: number;
  /** CPU time per operation of this process (API and bench driver) and of Neo4j, when known. */
  cpu?: { node: number; neo4j: number | null };
  p50: number;
  p99: number;
  max: number;
  perSecond: number | null;
  target: string;
  statements: string;
}

interface Run {
  samples: number[];
  seconds: number;
  cpu?: { node: number; neo4j: number | null };
}

function figure(name: string, run: Run | number[], target = '', statements = ''): Figure {
  const { samples, seconds = null, cpu } = Array.isArray(run) ? { samples: run } : run;
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    ...(cpu ? { cpu: { node: cpu.node / samples.length, neo4j: cpu.neo4j === null ? null : cpu.neo4j / samples.length } } : {}),
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    perSecond: seconds === null ? null : samples.length / seconds,
    target,
    statements,
  };
}

const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function table(figures: readonly Figure[]): string[] {
  const head = ['measurement', 'n', 'p50 ms', 'p99 ms', 'max ms', 'per s', 'CPU ms/op Node + Neo4j', 'target', 'statements'];
  const rows = figures.map((f) => [
    f.name,
    String(f.n),
    ms(f.p50),
    ms(f.p99),
    ms(f.max),
    f.perSecond === null ? '' : f.perSecond.toFixed(0),
    f.cpu ? `${f.cpu.node.toFixed(2)} + ${f.cpu.neo4j === null ? '?' : f.cpu.neo4j.toFixed(2)}` : '',
    f.target,
    f.statements,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** CPU time used so far, in ms: this process, and the Neo4j process when it runs on this machine. */
function cpuTime(neo4jPid: number | undefined): { node: number; neo4j: number | null } {
  const own = process.cpuUsage();
  let neo4j: number | null = null;
  if (neo4jPid !== undefined) {
    try {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime and stime in clock ticks (100 per second).
      const fields =
        readFileSync(`/proc/${String(neo4jPid)}/stat`, 'utf8')
          .split(') ')[1]
          ?.split(' ') ?? [];
      neo4j = (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      neo4j = null;
    }
  }
  return { node: (own.user + own.system) / 1000, neo4j };
}

let neo4jPid: number | undefined;

/** Runs `total` operations on `concurrency` workers; each sample is one operation's wall time. */
async function concurrently(
  total: number,
  concurrency: number,
  operation: (i: number, worker: number) => Promise<void>,
): Promise<Run> {
  const samples: number[] = [];
  let next = 0;
  const cpuBefore = cpuTime(neo4jPid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await operation(i, worker);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuTime(neo4jPid);
  const neo4j = cpuAfter.neo4j === null || cpuBefore.neo4j === null ? null : cpuAfter.neo4j - cpuBefore.neo4j;
  return { samples, seconds, cpu: { node: cpuAfter.node - cpuBefore.node, neo4j } };
}

// ---------------------------------------------------------------------------------------------
// Which statement came from where: the caller's function name, from the stack at `onQuery`.
// ---------------------------------------------------------------------------------------------

const SOURCES: Readonly<Record<string, string>> = {
  findSession: 'session lookup',
  touchSession: 'session touch',
  findCircle: 'circle',
  lockCircle: 'lock circle',
  checkVersion: 'check entry version',
  editedEntry: 'move entry',
  appendAuditAfter: 'audit record',
  appendAudit: 'audit record (locking the head)',
};

function sourceOf(stack: string): string {
  const names: string[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const name = /^\s*at (?:async )?(?:[\w$]+\.)?([\w$]+) /.exec(line)?.[1];
    if (!name) continue;
    const source = SOURCES[name];
    if (source) return source;
    names.push(name);
  }
  return `other (${names.slice(0, 6).join(' < ')})`;
}

class StatementTrace {
  count = 0;
  private sources: string[] | null = null;

  readonly onQuery = (): void => {
    this.count += 1;
    if (this.sources) this.sources.push(sourceOf(new Error('statement').stack ?? ''));
  };

  async around(work: () => Promise<unknown>): Promise<Map<string, number>> {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 50;
    this.sources = [];
    try {
      await work();
      const counts = new Map<string, number>();
      for (const source of this.sources) counts.set(source, (counts.get(source) ?? 0) + 1);
      return counts;
    } finally {
      this.sources = null;
      Error.stackTraceLimit = limit;
    }
  }
}

const describeCounts = (counts: Map<string, number>): string =>
  [...counts].map(([source, n]) => `${source} ${String(n)}`).join(', ');

const total = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// The city, the accounts and the API
// ---------------------------------------------------------------------------------------------

interface BenchClient {
  n: number;
  clientId: string;
  circleId: string;
  username: string;
  cookie: string;
}

function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const PASSWORD = 'bench-wachtwoord';

function cityOptions(o: Options): CityOptions {
  return { seed: o.seed, districts: 10, organisations: 400, clients: o.clients, entriesPerClient: [25, 40] };
}

async function ensureCity(db: Database, o: Options, log: Log): Promise<void> {
  const options = cityOptions(o);
  const dataset = `bench-circle:${String(o.seed)}`;
  const checksum = createHash('sha256').update(JSON.stringify(options)).digest('hex');
  if ((await db.read((tx) => datasetChecksum(tx, dataset))) === checksum) {
    log(`  city of ${String(o.clients)} clients (seed ${String(o.seed)}) already loaded; reusing it`);
    return;
  }
  log(`  loading ${String(o.clients)} clients × 25-40 entries (seed ${String(o.seed)}) ...`);
  let nextReport = 0.1;
  const result = await loadCity(db, options, {
    onProgress: ({ clients, seconds }) => {
      if (clients / o.clients < nextReport) return;
      nextReport = Math.floor((clients / o.clients) * 10) / 10 + 0.1;
      log(`    ${String(clients)} / ${String(o.clients)} clients (${seconds.toFixed(0)} s)`);
    },
  });
  await db.write((tx) => recordDataset(tx, dataset, checksum));
  log(`  loaded ${String(result.counts.entries)} entries in ${result.seconds.toFixed(1)} s`);
}

/** Every circle id of the city, and the clients that get an account: spread evenly over it. */
function pickClients(o: Options): { circleIds: string[]; picked: Omit<BenchClient, 'cookie'>[]; entries: number } {
  const city = generateCity(cityOptions(o));
  const wanted = new Set(Array.from({ length: o.accounts }, (_, i) => 1 + Math.floor((i * o.clients) / o.accounts)));
  const circleIds: string[] = [];
  const picked: Omit<BenchClient, 'cookie'>[] = [];
  let entries = 0;
  for (const batch of city.clientBatches()) {
    entries += batch.entries;
    for (const circle of batch.circles) {
      circleIds.push(circle.id);
      const n = circleIds.length;
      if (wanted.has(n))
        picked.push({ n, clientId: circle.clientId, circleId: circle.id, username: `bench-${String(o.seed)}-${String(n)}` });
    }
  }
  return { circleIds, picked, entries };
}

async function upsertBenchAccounts(db: Database, o: Options, picked: readonly Omit<BenchClient, 'cookie'>[]): Promise<void> {
  // One Argon2 hash for all: each takes ~40 ms on purpose, and nobody will ever guess these.
  const passwordHash = await hashPassword(PASSWORD);
  const rows: AccountRow[] = picked.map((c) => ({
    id: uuidFrom(`bench-circle:${String(o.seed)}:account:${String(c.n)}`),
    username: c.username,
    role: 'CLIENT',
    displayName: `Bench ${String(c.n)}`,
    passwordHash,
    totpSecret: null,
    personId: c.clientId,
    demo: false,
  }));
  await db.write((tx) => upsertAccounts(tx, rows));
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

type Yoga = ReturnType<typeof createYogaApp>;

/**
 * One operation through the yoga app in this process: no socket, no HTTP parsing. The app's
 * context reads the caller's address from `req.socket` and sets cookies with `res.appendHeader`
 * (the Node server's objects), so this passes stand-ins for both and collects the cookies.
 */
async function inProcess<T>(
  yoga: Yoga,
  query: string,
  variables: Record<string, unknown>,
  cookie: string | null,
): Promise<{ answer: GraphQLAnswer<T>; cookies: string[] }> {
  const cookies: string[] = [];
  const req = { socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
  const res = {
    appendHeader: (_name: string, value: string | readonly string[]) => {
      cookies.push(...(typeof value === 'string' ? [value] : value));
      return res;
    },
  } as unknown as ServerResponse;
  const response = await yoga.fetch(
    'http://bench/graphql',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'x-wijkkring-csrf': '1',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    },
    { req, res },
  );
  cookies.push(...response.headers.getSetCookie());
  return { answer: (await response.json()) as GraphQLAnswer<T>, cookies };
}

function sessionCookie(cookies: readonly string[]): string {
  const value = cookies.find((c) => c.startsWith('wk_session='))?.split(';')[0];
  if (!value || value === 'wk_session=') throw new Error('login set no session cookie');
  return value;
}

function ensureOk<T>(answer: GraphQLAnswer<T>, what: string): T {
  if (answer.errors?.length || !answer.data) throw new Error(`${what} failed: ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data;
}

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { status } }';
const LOGOUT = 'mutation { logout { ok } }';

const CIRCLE_FIELDS = `id version clientName
  entries { id ring sector position relation support safetyNet wish note frequency version
    target { __typename ... on CirclePerson { id name professional } ... on Organisation { id name tier } } }
  ties { id fromEntryId toEntryId }`;
const CIRCLE_READ = `query ($id: ID!) { networkCircle(id: $id) { ${CIRCLE_FIELDS} } }`;
const CIRCLE_READ_SIGNALS = `query ($id: ID!) { networkCircle(id: $id) { ${CIRCLE_FIELDS} signals { kind offers { organisationName } } } }`;
/** The same resolver and statements, but nothing to serialise: what GraphQL execution of the entries costs. */
const CIRCLE_ID_ONLY = 'query ($id: ID!) { networkCircle(id: $id) { id } }';
const CIRCLE_ENTRIES = 'query ($id: ID!) { networkCircle(id: $id) { entries { id ring sector version } } }';
const MOVE = `mutation ($input: MoveCircleEntryInput!) {
  moveCircleEntry(input: $input) { version entry { id ring sector version } } }`;
const SUBSCRIBE = 'subscription ($id: ID!) { circleChanged(circleId: $id) { version change circle { id version } } }';

interface EntryState {
  id: string;
  ring: number;
  sector: string;
  version: number;
}

interface CircleData {
  networkCircle: { id: string; entries: EntryState[] } | null;
}

interface MoveData {
  moveCircleEntry: { version: number; entry: EntryState };
}

/** The next move of a circle: the next entry, one ring further out (4 wraps to 1), same sector. */
function nextMove(circleId: string, entries: EntryState[], k: number): { input: Record<string, unknown>; entry: EntryState } {
  const entry = entries[k % entries.length];
  if (!entry) throw new Error(`circle ${circleId} has no entries`);
  return {
    entry,
    input: { circleId, entryId: entry.id, expectedVersion: entry.version, ring: (entry.ring % 4) + 1, sector: entry.sector },
  };
}

// ---------------------------------------------------------------------------------------------
// Live updates over a real HTTP server and server-sent events
// ---------------------------------------------------------------------------------------------

async function httpGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  cookie: string | null,
): Promise<{ answer: GraphQLAnswer<T>; cookies: string[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-wijkkring-csrf': '1',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { answer: (await response.json()) as GraphQLAnswer<T>, cookies: response.headers.getSetCookie() };
}

interface LiveEvent {
  circleChanged?: { version: number; change: string; circle: { id: string; version: number } };
}

/** A subscription over server-sent events; remembers when each circle version arrived. */
class EventStream {
  private readonly arrived = new Map<number, number>();
  private readonly waiters = new Map<number, (at: number) => void>();
  private readonly abort = new AbortController();
  private failure: Error | null = null;
  done: Promise<void> = Promise.resolve();

  async open(url: string, cookie: string, circleId: string): Promise<void> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'x-wijkkring-csrf': '1',
        cookie,
      },
      body: JSON.stringify({ query: SUBSCRIBE, variables: { id: circleId } }),
      signal: this.abort.signal,
    });
    if (!response.ok || !response.body) throw new Error(`subscription refused: HTTP ${String(response.status)}`);
    this.done = this.read(response.body).catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.failure = error instanceof Error ? error : new Error(String(error));
    });
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    for await (const { data, at } of serverSentEvents(body)) {
      const answer = JSON.parse(data) as GraphQLAnswer<LiveEvent>;
      if (answer.errors?.length) throw new Error(`event with errors: ${JSON.stringify(answer.errors)}`);
      const version = answer.data?.circleChanged?.version;
      if (version === undefined) continue;
      this.arrived.set(version, at);
      this.waiters.get(version)?.(at);
    }
  }

  /** When the event for this circle version arrived (it may come before the mutation's answer). */
  async arrival(version: number, timeoutMs = 5_000): Promise<number> {
    const at = this.arrived.get(version);
    if (at !== undefined) return at;
    if (this.failure) throw this.failure;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(version);
        reject(this.failure ?? new Error(`no event for version ${String(version)} within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      this.waiters.set(version, (arrivedAt) => {
        clearTimeout(timer);
        this.waiters.delete(version);
        resolve(arrivedAt);
      });
    });
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}

// ---------------------------------------------------------------------------------------------
// Machine and Neo4j facts for the report
// ---------------------------------------------------------------------------------------------

function neo4jFacts(neo: BenchNeo4j): string[] {
  if (neo.pid === undefined) return [`Neo4j: ${neo.kind} (no local process; memory settings unknown here)`];
  try {
    const args = readFileSync(`/proc/${String(neo.pid)}/cmdline`, 'utf8').split('\0');
    const heap = args.find((a) => a.startsWith('-Xmx'))?.slice(4) ?? '?';
    const home = args.find((a) => a.startsWith('--home-dir='))?.slice('--home-dir='.length);
    const confDir = args.find((a) => a.startsWith('--config-dir='))?.slice('--config-dir='.length);
    const conf = confDir ? readFileSync(join(confDir, 'neo4j.conf'), 'utf8') : '';
    const pageCache = /^server\.memory\.pagecache\.size=(.*)$/m.exec(conf)?.[1] ?? '?';
    const status = readFileSync(`/proc/${String(neo.pid)}/status`, 'utf8');
    const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
    const store = home ? directorySize(join(home, 'data', 'databases', 'neo4j')) / 2 ** 20 : NaN;
    return [
      `Neo4j: local (pid ${String(neo.pid)}), heap ${heap}, page cache ${pageCache}, RSS ${rss.toFixed(0)} MB, ` +
        `store (data/databases/neo4j) ${store.toFixed(0)} MB`,
    ];
  } catch (error) {
    return [`Neo4j: pid ${String(neo.pid)} (${String(error)})`];
  }
}

function directorySize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let size = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    size += entry.isDirectory() ? directorySize(path) : statSync(path).size;
  }
  return size;
}

const machine = (): string =>
  `${String(cpus().length)} cores (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

// ---------------------------------------------------------------------------------------------
// The benchmark
// ---------------------------------------------------------------------------------------------

export interface CircleBenchResult {
  options: Options;
  figures: Figure[];
  readStatements: string;
}

export async function benchCircle(
  loader: Database,
  neo: BenchNeo4j,
  argv: string[],
  log: Log = (line) => void process.stdout.write(`${line}\n`),
): Promise<CircleBenchResult> {
  const o = parseArgs(argv);
  neo4jPid = neo.pid;
  log(`bench circle: ${String(o.clients)} clients, ${String(o.accounts)} client accounts, concurrency ${String(o.concurrency)}`);
  log(`  ${machine()}; load average ${load()} (1 / 5 / 15 min)`);
  await ensureCity(loader, o, log);
  const started = performance.now();
  const { circleIds, picked, entries } = pickClients(o);
  log(
    `  ${String(circleIds.length)} circles, ${String(entries)} entries (${(entries / circleIds.length).toFixed(1)} per circle); ` +
      `ids generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await upsertBenchAccounts(loader, o, picked);
  for (const line of neo4jFacts(neo)) log(`  ${line}`);

  const trace = new StatementTrace();
  const db = new Database({ uri: neo.uri, user: neo.user, password: neo.password }, { onQuery: trace.onQuery });
  const env: Env = loadEnv({
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    WEB_DIST: '/nonexistent',
    LOGIN_ADDRESS_MAX_FAILURES: '10000',
  });
  const yoga = createYogaApp({ db, env });
  const figures: Figure[] = [];
  const clients: BenchClient[] = [];
  try {
    // Sign in as each client, through the API, the way the web app does.
    const loginStart = performance.now();
    for (const c of picked) {
      const { answer, cookies } = await inProcess<{ login: { status: string } }>(
        yoga,
        LOGIN,
        { input: { username: c.username, password: PASSWORD } },
        null,
      );
      if (ensureOk(answer, `login ${c.username}`).login.status !== 'SIGNED_IN') throw new Error(`${c.username}: not signed in`);
      clients.push({ ...c, cookie: sessionCookie(cookies) });
    }
    log(`  ${String(clients.length)} logins in ${((performance.now() - loginStart) / 1000).toFixed(1)} s`);

    const client = (i: number): BenchClient => clients[i % clients.length] as BenchClient;
    const read = (query: string) => async (i: number) => {
      const c = client(i);
      const { answer } = await inProcess<CircleData>(yoga, query, { id: c.circleId }, c.cookie);
      if (ensureOk(answer, 'circle read').networkCircle?.id !== c.circleId) throw new Error(`circle ${c.circleId} not returned`);
    };
    const graphRead = (ids: (i: number) => string) => async (i: number) => {
      if (!(await db.read((tx) => findCircle(tx, ids(i))))) throw new Error(`circle ${ids(i)} not found`);
    };
    // A fixed stride through all circles of the city: the page cache sees the whole store.
    const anyCircle = (i: number): string => circleIds[(i * 7_919) % circleIds.length] as string;

    // Warm-up: query plans cached, connections open, every benchmark circle read, and both JITs
    // (V8's and the JVM's) past their first compilations; shorter warm-ups left the first phase slower.
    const warm = Math.max(5 * clients.length, 1_500);
    await concurrently(warm, o.concurrency, read(CIRCLE_READ));
    await concurrently(warm, o.concurrency, read(CIRCLE_READ_SIGNALS));
    await concurrently(
      warm,
      o.concurrency,
      graphRead((i) => client(i).circleId),
    );
    await concurrently(Math.min(warm, circleIds.length), o.concurrency, graphRead(anyCircle));

    // Round trips of one read, by where each statement came from.
    const breakdown = async (query: string): Promise<Map<string, number>> => {
      const counts = await trace.around(() => read(query)(0));
      const circle = total(counts) - (counts.get('session lookup') ?? 0) - (counts.get('session touch') ?? 0);
      const audit = [...counts].filter(([source]) => source.startsWith('audit')).reduce((n, [, c]) => n + c, 0);
      if (circle - audit !== 1)
        throw new Error(`the circle data took ${String(circle - audit)} statements, not 1: ${describeCounts(counts)}`);
      return counts;
    };
    const plain = await breakdown(CIRCLE_READ);
    const withSignals = await breakdown(CIRCLE_READ_SIGNALS);
    log(`  statements per circle read: ${describeCounts(plain)} (with signals: ${describeCounts(withSignals)})`);
    // A session's idle timeout is extended at most once a minute (one more statement then): not counted here.
    const perRead = (counts: Map<string, number>): string =>
      `${String(total(counts) - (counts.get('session touch') ?? 0))} (1 circle)`;
    const readStatements = perRead(plain);

    const c = o.concurrency;
    const readsPlain = await concurrently(o.reads, c, read(CIRCLE_READ));
    figures.push(figure(`API circle read, concurrency ${String(c)}`, readsPlain, 'p50 ≤ 5, p99 ≤ 20', readStatements));
    const readsSignals = await concurrently(o.reads, c, read(CIRCLE_READ_SIGNALS));
    figures.push(figure(`API circle read + signals, concurrency ${String(c)}`, readsSignals, '', perRead(withSignals)));
    const idOnly = await concurrently(o.reads, c, read(CIRCLE_ID_ONLY));
    figures.push(figure(`API circle read selecting only { id }, concurrency ${String(c)}`, idOnly, '', readStatements));
    const sequential = await concurrently(Math.ceil(o.reads / 3), 1, read(CIRCLE_READ));
    figures.push(figure('API circle read, one at a time', sequential, '', readStatements));
    const graphSame = await concurrently(
      o.reads,
      c,
      graphRead((i) => client(i).circleId),
    );
    figures.push(figure(`findCircle (graph only), same ${String(clients.length)} circles`, graphSame, '', '1'));
    const graphAll = await concurrently(o.reads, c, graphRead(anyCircle));
    figures.push(figure(`findCircle (graph only), across all ${String(circleIds.length)} circles`, graphAll, '', '1'));

    // The other two statements of a read, on their own: where the rest of its time goes.
    const idHashes = clients.map((b) => createHash('sha256').update(b.cookie.slice('wk_session='.length)).digest('hex'));
    const sessions = await concurrently(o.reads, c, async (i) => {
      const now = Date.now();
      const idHash = idHashes[i % idHashes.length] ?? '';
      if (!(await db.read((tx) => findSession(tx, idHash, now, new Date(now).toISOString().slice(0, 10)))))
        throw new Error('session not found');
    });
    figures.push(figure(`findSession (graph only), concurrency ${String(c)}`, sessions, '', '1'));
    const writer = new AuditWriter(db);
    const entry = benchAuditEntry('bench circle');
    const audits = await concurrently(o.reads, c, () => writer.append([entry]));
    figures.push(figure(`AuditWriter.append (graph only), concurrency ${String(c)}`, audits, '', '1 per group'));

    // Moves: each worker edits its own clients' circles, so no two workers touch one circle.
    const state = new Map<string, EntryState[]>();
    for (const b of clients) {
      const { answer } = await inProcess<CircleData>(yoga, CIRCLE_ENTRIES, { id: b.circleId }, b.cookie);
      state.set(b.circleId, ensureOk(answer, 'entries').networkCircle?.entries ?? []);
    }
    const perWorker = Array.from({ length: c }, (_, w) => clients.filter((_, i) => i % c === w));
    const counters = new Map<string, number>();
    const move = async (_i: number, worker: number): Promise<void> => {
      const mine = perWorker[worker] ?? [];
      const k = counters.get(`w${String(worker)}`) ?? 0;
      counters.set(`w${String(worker)}`, k + 1);
      const b = mine[k % mine.length] as BenchClient;
      const entries = state.get(b.circleId) ?? [];
      const { input, entry } = nextMove(b.circleId, entries, Math.floor(k / mine.length));
      const { answer } = await inProcess<MoveData>(yoga, MOVE, { input }, b.cookie);
      const moved = ensureOk(answer, 'move').moveCircleEntry.entry;
      Object.assign(entry, { ring: moved.ring, sector: moved.sector, version: moved.version });
    };
    await concurrently(Math.min(200, o.moves), c, move);
    const moveCounts = await trace.around(() => move(0, 0));
    log(`  statements per move: ${describeCounts(moveCounts)}`);
    const moves = await concurrently(o.moves, c, move);
    figures.push(figure(`API move entry + audit, concurrency ${String(c)}`, moves, 'p50 ≤ 10', String(total(moveCounts))));
    const movesOne = await concurrently(Math.ceil(o.moves / 4), 1, move);
    figures.push(figure('API move entry + audit, one at a time', movesOne, '', String(total(moveCounts))));

    // Reads while another device keeps moving entries: the audit writer loses its place in the chain.
    let reading = true;
    const mover = (async () => {
      let i = 0;
      while (reading) await move(i++, 0);
    })();
    const mixed = await concurrently(o.reads, c - 1, (i) => read(CIRCLE_READ)(i + 1));
    reading = false;
    await mover;
    const mixedCounts = await trace.around(async () => {
      await move(0, 0);
      await read(CIRCLE_READ)(1);
    });
    figures.push(
      figure(
        `API circle read, ${String(c - 1)} readers + 1 mover`,
        mixed,
        '',
        `${String(total(mixedCounts) - total(moveCounts))} after a move`,
      ),
    );
    log(`  statements of a move then a read: ${describeCounts(mixedCounts)}`);

    // Live: a second device of the same client follows the circle over server-sent events.
    if (o.live > 0) figures.push(await liveLatency(db, env, clients[0] as BenchClient, o.live, log));

    log('');
    for (const line of table(figures)) log(line);
    log(`  load average after: ${load()}`);
    for (const line of neo4jFacts(neo)) log(`  ${line}`);
    return { options: o, figures, readStatements };
  } finally {
    for (const b of clients) await inProcess(yoga, LOGOUT, {}, b.cookie).catch(() => undefined);
    await db.close();
    if (o.drop) {
      await deleteSyntheticCity(loader, generateCity(cityOptions(o)).slugPrefix);
      log('  synthetic city removed (--drop)');
    }
  }
}

async function liveLatency(db: Database, env: Env, b: BenchClient, moves: number, log: Log): Promise<Figure> {
  const server = await startServer({ db, env });
  const url = `http://127.0.0.1:${String(server.port)}/graphql`;
  const stream = new EventStream();
  try {
    const signIn = async (): Promise<string> => {
      const { answer, cookies } = await httpGraphQL<{ login: { status: string } }>(
        url,
        LOGIN,
        { input: { username: b.username, password: PASSWORD } },
        null,
      );
      ensureOk(answer, 'login');
      return sessionCookie(cookies);
    };
    const editor = await signIn();
    const follower = await signIn();
    await stream.open(url, follower, b.circleId);
    const { answer } = await httpGraphQL<CircleData>(url, CIRCLE_ENTRIES, { id: b.circleId }, editor);
    const entries = ensureOk(answer, 'entries').networkCircle?.entries ?? [];
    const moveOnce = async (k: number): Promise<{ sent: number; answered: number; version: number }> => {
      const { input, entry } = nextMove(b.circleId, entries, k);
      const sent = performance.now();
      const result = await httpGraphQL<MoveData>(url, MOVE, { input }, editor);
      const answered = performance.now();
      const payload = ensureOk(result.answer, 'move').moveCircleEntry;
      Object.assign(entry, { ring: payload.entry.ring, sector: payload.entry.sector, version: payload.entry.version });
      return { sent, answered, version: payload.version };
    };
    // The stream is live once a first change comes through.
    await stream.arrival((await moveOnce(0)).version, 10_000);
    const samples: number[] = [];
    const answers: number[] = [];
    for (let k = 1; k <= moves; k += 1) {
      const { sent, answered, version } = await moveOnce(k);
      samples.push((await stream.arrival(version)) - sent);
      answers.push(answered - sent);
    }
    const answerFigure = figure('', answers);
    log(
      `  live: ${String(moves)} moves over HTTP; the editor's answer took p50 ${ms(answerFigure.p50)} ms, p99 ${ms(answerFigure.p99)} ms`,
    );
    return figure('live update: move sent → event received (SSE)', samples, '< 1000');
  } finally {
    await stream.close();
    await server.close();
  }
}
