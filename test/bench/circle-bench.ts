// `npm run bench:circle -- 10000`: issue 4's performance targets, measured on a synthetic city.
// Prints figures; asserts only what is not a duration (one Cypher statement for the circle data).
import { createHash } from 'node:crypto';
import { createYogaApp, startServer, type Env } from '@wijkkring/api';
import {
  AuditWriter,
  Database,
  deleteSyntheticCity,
  findCircle,
  findSession,
  hashPassword,
  upsertAccounts,
  type AccountRow,
} from '@wijkkring/graph';
import { benchAuditEntry, generateCity, type CityOptions } from '@wijkkring/seed';
import { serverSentEvents } from '../support/sse.js';
import {
  CIRCLE_SOURCES,
  concurrently,
  describeCounts,
  ensureCity,
  ensureOk,
  figure,
  httpGraphQL,
  inProcess,
  load,
  LOGIN,
  LOGOUT,
  machine,
  ms,
  neo4jFacts,
  parseBenchArgs,
  sessionCookie,
  StatementTrace,
  table,
  total,
  uuidFrom,
  watchNeo4j,
  type BenchNeo4j,
  type Figure,
  type GraphQLAnswer,
  type Log,
  benchEnv,
} from './kit.js';

export type { BenchNeo4j, Figure } from './kit.js';

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

/** `10000 --reads 3000 --moves 2000 --live 50 --accounts 200 --concurrency 8 --seed N --drop` */
export function parseArgs(argv: readonly string[]): Options {
  const { clients, drop, values } = parseBenchArgs(argv, {
    // One city per size, apart from the generator benchmark's (1000+) and seed:generate's (1).
    seed: Number.NaN,
    accounts: 200,
    concurrency: 8,
    reads: 3_000,
    moves: 2_000,
    live: 50,
  });
  const options: Options = { clients, drop, ...values, seed: Number.isNaN(values.seed) ? 4_000_000 + clients : values.seed };
  if (options.clients < options.accounts) throw new Error('Need at least as many clients as accounts.');
  if (options.accounts < options.concurrency) throw new Error('Need at least one account per worker.');
  return options;
}

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

const PASSWORD = 'bench-wachtwoord';

function cityOptions(o: Options): CityOptions {
  return { seed: o.seed, districts: 10, organisations: 400, clients: o.clients, entriesPerClient: [25, 40] };
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
  watchNeo4j(neo.pid);
  log(`bench circle: ${String(o.clients)} clients, ${String(o.accounts)} client accounts, concurrency ${String(o.concurrency)}`);
  log(`  ${machine()}; load average ${load()} (1 / 5 / 15 min)`);
  await ensureCity(loader, { dataset: `bench-circle:${String(o.seed)}`, options: cityOptions(o) }, log);
  const started = performance.now();
  const { circleIds, picked, entries } = pickClients(o);
  log(
    `  ${String(circleIds.length)} circles, ${String(entries)} entries (${(entries / circleIds.length).toFixed(1)} per circle); ` +
      `ids generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await upsertBenchAccounts(loader, o, picked);
  for (const line of neo4jFacts(neo)) log(`  ${line}`);

  const trace = new StatementTrace(CIRCLE_SOURCES);
  const db = new Database({ uri: neo.uri, user: neo.user, password: neo.password }, { onQuery: trace.onQuery });
  const env: Env = benchEnv(neo);
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
