// `npm run bench:compare -- 10000`: issue 13's side-by-side benchmark. On one Neo4j and one
// synthetic city (the wijkkaart benchmark's: 10 districts of about 200 organisations and 2,000
// links, 10,000 clients with their circles), the same three reads through five contestants:
//   floor (Library's Cypher)   the Library's generated statement, bare, through neo4j-driver
//   floor (Wijkkring's Cypher) Wijkkring's graph function alone (findCircle, findDistrict, findOrganisation)
//   @neo4j/graphql             the Neo4j GraphQL Library 7.6.3 through graphql-yoga over HTTP, no auth
//   Wijkkring, no checks       the API's schema and resolvers without session, policy or audit, over HTTP
//   Wijkkring                  the API as in production: session, access policy, audit record, over HTTP
// The servers run in a child process (compare-server.ts), so "Node CPU" is theirs alone; the
// contestants take turns in rounds, in rotating order, so drift of the machine hits all alike.
// Prints figures and the targets met and not met; asserts only that all answer the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Database, hashPassword, upsertAccounts, type AccountRow } from '@wijkkring/graph';
import { generateCity, percentile } from '@wijkkring/seed';
import { OPERATIONS, type Operation, type OperationName } from './compare-contestants.js';
import {
  benchAccount,
  cpuTime,
  concurrently,
  httpGraphQL,
  LOGIN,
  load,
  machine,
  markdownTable,
  ms,
  neo4jFacts,
  parseBenchArgs,
  sessionCookie,
  signInOverHttp,
  uuidFrom,
  watchNeo4j,
  type BenchNeo4j,
  type Log,
  type Run,
} from './kit.js';
import { cityOptions, ensureWijkCity, parseArgs as parseWijkArgs } from './wijk-bench.js';

interface Options {
  clients: number;
  samples: number;
  rounds: number;
  circles: number;
  /** Operations per contestant and operation before anything is measured. */
  warmup: number;
  /** 1: instead of the comparison, profile the servers (Node's --cpu-prof) while they serve `samples` circle reads as in production. */
  profile: number;
}

/**
 * `10000 --samples 2000 --rounds 4 --circles 200 --warmup 1000 --profile 0`: samples per cell (the
 * district, 20× the work, gets a fifth), taken in rounds.
 */
export function parseArgs(argv: readonly string[]): Options {
  const { clients, values } = parseBenchArgs(argv, { samples: 2_000, rounds: 4, circles: 200, warmup: 1_000, profile: 0 });
  return { clients, ...values };
}

const CONTESTANTS = ['floor-library', 'floor-wijkkring', 'library', 'unchecked', 'production'] as const;
type Contestant = (typeof CONTESTANTS)[number];
const LABELS: Record<Contestant, string> = {
  'floor-library': "floor: the Library's Cypher alone",
  'floor-wijkkring': "floor: Wijkkring's Cypher alone",
  library: '@neo4j/graphql 7.6.3 (no auth)',
  unchecked: 'Wijkkring, no session/policy/audit',
  production: 'Wijkkring as in production',
};

interface Ports {
  library: number;
  production: number;
  unchecked: number;
  stats: number;
}

interface Cell {
  samples: number[];
  seconds: number;
  nodeMs: number;
  neo4jMs: number | null;
  statements: number;
}

const emptyCell = (): Cell => ({ samples: [], seconds: 0, nodeMs: 0, neo4jMs: 0, statements: 0 });

function startServers(neo: BenchNeo4j, log: Log, profileDir: string | null): Promise<{ child: ChildProcess; ports: Ports }> {
  const file = fileURLToPath(new URL('./compare-server.js', import.meta.url));
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...flags, file], {
    env: {
      ...process.env,
      // graphql-js skips its development-only checks, as on a real server (for every contestant alike).
      NODE_ENV: 'production',
      NEO4J_URI: neo.uri,
      NEO4J_USER: neo.user,
      NEO4J_PASSWORD: neo.password,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the servers stopped (exit ${String(code)})`)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) {
        log(`  [servers] ${line}`);
        return;
      }
      resolve({ child, ports: JSON.parse(line) as Ports });
    });
  });
}

async function post<T>(port: number, path: string, payload: unknown): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${String(port)}${path}`, { method: 'POST', body: JSON.stringify(payload) });
  if (!response.ok) throw new Error(`${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function serverStats(ports: Ports): Promise<{ statements: number; cpuMs: number }> {
  const response = await fetch(`http://127.0.0.1:${String(ports.stats)}/stats`);
  return (await response.json()) as { statements: number; cpuMs: number };
}

/** The bench city's part this benchmark reads: circles with their clients, one district, its organisations. */
async function pickData(db: Database, o: Options) {
  const prefix = generateCity(cityOptions(parseWijkArgs([String(o.clients)]))).slugPrefix;
  const district = await db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (d:District) WHERE d.slug STARTS WITH $prefix
       RETURN d.id AS id, COUNT { (d)<-[:ACTIVE_IN]-(:Organisation) } AS organisations
       ORDER BY organisations DESC, d.slug LIMIT 1`,
      { prefix },
    );
    return result.records[0]?.get('id') as string;
  });
  const organisationIds = await db.read(async (tx) => {
    const result = await tx.run(
      'MATCH (:District {id: $district})<-[:ACTIVE_IN]-(o:Organisation) RETURN o.id AS id ORDER BY o.slug LIMIT 200',
      { district },
    );
    return result.records.map((r) => r.get('id') as string);
  });
  const circles = await db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (c:NetworkCircle)-[:OF]->(client:Client)-[:LIVES_IN]->(d:District) WHERE d.slug STARTS WITH $prefix AND c.frozenAt IS NULL
       WITH c, client ORDER BY client.id LIMIT $n
       RETURN c.id AS circleId, client.id AS clientId`,
      { prefix, n: o.circles },
    );
    return result.records.map((r) => ({ circleId: r.get('circleId') as string, clientId: r.get('clientId') as string }));
  });
  return { district, organisationIds, circles };
}

const PASSWORD = 'bench-wachtwoord';

/** One client account per circle read (a client reads their own circle), signed in over HTTP. */
async function clientCookies(db: Database, base: string, circles: readonly { clientId: string }[]): Promise<string[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const rows: AccountRow[] = circles.map((c, i) => ({
    id: uuidFrom(`bench-compare:account:${c.clientId}`),
    username: `bench-compare-${c.clientId.slice(0, 8)}-${String(i + 1)}`,
    role: 'CLIENT',
    displayName: `Bench ${String(i + 1)}`,
    passwordHash,
    totpSecret: null,
    personId: c.clientId,
    demo: false,
  }));
  await db.write((tx) => upsertAccounts(tx, rows));
  const cookies: string[] = [];
  for (const row of rows) {
    const { cookies: set } = await httpGraphQL(
      `${base}/graphql`,
      LOGIN,
      { input: { username: row.username, password: PASSWORD } },
      null,
    );
    cookies.push(sessionCookie(set));
  }
  return cookies;
}

interface Plan {
  op: Operation;
  ids: string[];
  /** Per id: the cookie of someone allowed to read it (production only). */
  cookieFor: (i: number) => string;
  samples: number;
}

async function callHttp(
  port: number,
  query: string,
  variables: Record<string, unknown>,
  cookie: string | null,
): Promise<unknown> {
  const { answer } = await httpGraphQL<unknown>(`http://127.0.0.1:${String(port)}/graphql`, query, variables, cookie);
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** One turn of one contestant: `total` operations at `concurrency`, with the CPU and statements they cost. */
async function turn(
  contestant: Contestant,
  plan: Plan,
  ports: Ports,
  neo4jPid: number | undefined,
  total: number,
  concurrency: number,
  offset: number,
): Promise<Cell> {
  const ids = plan.ids;
  const pick = (i: number): number => (offset + i) % ids.length;
  if (contestant === 'floor-library' || contestant === 'floor-wijkkring') {
    const neoBefore = cpuTime(neo4jPid).neo4j;
    const rotated = [...ids.slice(offset % ids.length), ...ids.slice(0, offset % ids.length)];
    const result = await post<Run & { statements: number }>(ports.stats, '/floor', {
      op: plan.op.name,
      kind: contestant === 'floor-library' ? 'library' : 'wijkkring',
      ids: rotated,
      total,
      concurrency,
    });
    const neoAfter = cpuTime(neo4jPid).neo4j;
    return {
      samples: result.samples,
      seconds: result.seconds,
      nodeMs: result.cpu?.node ?? 0,
      neo4jMs: neoBefore === null || neoAfter === null ? null : neoAfter - neoBefore,
      statements: result.statements,
    };
  }
  const port = ports[contestant];
  const query = contestant === 'library' ? plan.op.library : plan.op.wijkkring;
  const before = await serverStats(ports);
  const neoBefore = cpuTime(neo4jPid).neo4j;
  const run = await concurrently(total, concurrency, async (i) => {
    const index = pick(i);
    const variables: Record<string, unknown> = { id: ids[index] };
    if (contestant === 'library' && plan.op.name === 'district') variables.today = today();
    await callHttp(port, query, variables, contestant === 'production' ? plan.cookieFor(index) : null);
  });
  const neoAfter = cpuTime(neo4jPid).neo4j;
  const after = await serverStats(ports);
  return {
    samples: run.samples,
    seconds: run.seconds,
    nodeMs: after.cpuMs - before.cpuMs,
    neo4jMs: neoBefore === null || neoAfter === null ? null : neoAfter - neoBefore,
    statements: after.statements - before.statements,
  };
}

function add(into: Cell, cell: Cell): void {
  into.samples.push(...cell.samples);
  into.seconds += cell.seconds;
  into.nodeMs += cell.nodeMs;
  into.neo4jMs = into.neo4jMs === null || cell.neo4jMs === null ? null : into.neo4jMs + cell.neo4jMs;
  into.statements += cell.statements;
}

interface Summary {
  p50: number;
  p99: number;
  perSecond: number;
  nodeMs: number;
  neo4jMs: number | null;
  statements: number;
  n: number;
}

function summarise(cell: Cell): Summary {
  const sorted = [...cell.samples].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    n,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    perSecond: n / cell.seconds,
    nodeMs: cell.nodeMs / n,
    neo4jMs: cell.neo4jMs === null ? null : cell.neo4jMs / n,
    statements: cell.statements / n,
  };
}

/** Checks, before measuring, that every contestant answers with the same amount of data for the same ids. */
async function sameAnswers(plan: Plan, ports: Ports, log: Log): Promise<void> {
  for (const index of [0, 1, 2]) {
    const id = plan.ids[index % plan.ids.length] ?? '';
    const variables = { id, today: today() };
    const lib = plan.op.countLibrary(await callHttp(ports.library, plan.op.library, variables, null));
    const unchecked = plan.op.countWijkkring(await callHttp(ports.unchecked, plan.op.wijkkring, { id }, null));
    const production = plan.op.countWijkkring(
      await callHttp(ports.production, plan.op.wijkkring, { id }, plan.cookieFor(index % plan.ids.length)),
    );
    // The district's links of Wijkkring include those of key figures who consented to the map (the
    // Library's mirror has organisations only): a handful in the benchmark city. Everything else is equal.
    const near = plan.op.name === 'district' ? Math.abs(lib - unchecked) <= unchecked / 100 : lib === unchecked;
    if (!near || unchecked !== production || lib === 0)
      throw new Error(
        `${plan.op.name} ${id}: the contestants answer differently (Library ${String(lib)}, Wijkkring ${String(unchecked)}/${String(production)} items)`,
      );
    if (index === 0)
      log(`  ${plan.op.name}: ${String(lib)} items in the Library's first answer, ${String(unchecked)} in Wijkkring's`);
  }
  // The Library's statement for the floor: sent just now, by the Library's answer for the first id.
  await callHttp(ports.library, plan.op.library, { id: plan.ids[0], today: today() }, null);
  await post(ports.stats, '/capture', { op: plan.op.name, id: plan.ids[0] });
}

export async function benchCompare(
  db: Database,
  neo: BenchNeo4j,
  argv: readonly string[],
  log: Log = (line) => console.log(line),
): Promise<void> {
  const o = parseArgs(argv);
  log(`bench:compare: ${machine()}`);
  log(`  ${load()}`);
  for (const line of neo4jFacts(neo)) log(`  ${line}`);
  watchNeo4j(neo.pid);
  await ensureWijkCity(db, parseWijkArgs([String(o.clients)]), log);
  const data = await pickData(db, o);
  const coordinator = await benchAccount(db, `bench-compare-${data.district.slice(0, 8)}`, {
    role: 'COORDINATOR',
    name: 'Bench coördinator',
    districtId: data.district,
  });
  log('  starting the servers (child process) ...');
  const profileDir = o.profile === 1 ? mkdtempSync(join(tmpdir(), 'wk-compare-profile-')) : null;
  const { child, ports } = await startServers(neo, log, profileDir);
  let stopped = false;
  try {
    const base = `http://127.0.0.1:${String(ports.production)}`;
    const circleCookies = await clientCookies(db, base, data.circles);
    const coordinatorCookie = await signInOverHttp(base, coordinator);
    const plans: Plan[] = OPERATIONS.map((op) => {
      if (op.name === 'circle')
        return { op, ids: data.circles.map((c) => c.circleId), cookieFor: (i) => circleCookies[i] ?? '', samples: o.samples };
      if (op.name === 'district')
        return { op, ids: [data.district], cookieFor: () => coordinatorCookie, samples: Math.ceil(o.samples / 5) };
      return { op, ids: data.organisationIds, cookieFor: () => coordinatorCookie, samples: o.samples };
    });
    for (const plan of plans) await sameAnswers(plan, ports, log);
    if (profileDir) {
      const circle = plans[0] as Plan;
      await turn('production', circle, ports, neo.pid, Math.min(500, o.samples), 1, 0);
      const queued = await serverStats(ports);
      log(`  profiling ${String(o.samples)} circle reads as in production, one at a time ...`);
      await turn('production', circle, ports, neo.pid, o.samples, 1, 0);
      log(`  (${String((await serverStats(ports)).statements - queued.statements)} statements)`);
      await stopServers(child);
      stopped = true;
      for (const line of profileSummary(profileDir)) log(line);
      return;
    }

    // Warm-up, not counted: Neo4j compiles its hot paths only after thousands of transactions
    // (measured: a trivial read cost 7 ms of its CPU in the first thousand, 1.5 ms by the third).
    log(`  warming up (${String(o.warmup)} operations per contestant and operation) ...`);
    for (const plan of plans)
      for (const contestant of CONTESTANTS)
        await turn(contestant, plan, ports, neo.pid, plan.op.name === 'district' ? Math.ceil(o.warmup / 20) : o.warmup, 8, 0);
    const results = new Map<string, Summary>();
    for (const plan of plans) {
      for (const concurrency of [1, 8]) {
        const cells = new Map<Contestant, Cell>(CONTESTANTS.map((c) => [c, emptyCell()]));
        const perTurn = Math.ceil(plan.samples / o.rounds);
        // Warm-up: one short turn each, not counted (JIT, plan cache, page cache).
        for (const contestant of CONTESTANTS)
          await turn(contestant, plan, ports, neo.pid, Math.min(200, perTurn), concurrency, 0);
        for (let round = 0; round < o.rounds; round += 1) {
          for (let k = 0; k < CONTESTANTS.length; k += 1) {
            const contestant = CONTESTANTS[(round + k) % CONTESTANTS.length] as Contestant;
            add(
              cells.get(contestant) as Cell,
              await turn(contestant, plan, ports, neo.pid, perTurn, concurrency, round * perTurn),
            );
          }
        }
        for (const [contestant, cell] of cells)
          results.set(`${plan.op.name}:${String(concurrency)}:${contestant}`, summarise(cell));
        log(`  measured ${plan.op.name} at concurrency ${String(concurrency)} (${load()})`);
      }
    }
    const moves = await measureMoves(data.circles, circleCookies, ports, neo.pid, o, log);
    report(results, plans, o, log, moves);
  } finally {
    if (!stopped) child.kill('SIGTERM');
  }
}

function stopServers(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * Self time per function of the servers' profile (the whole run, start-up included; the reads
 * dominate), the 25 largest, and per package: where the CPU of a read goes.
 */
function profileSummary(dir: string): string[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return ['  no profile written'];
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    total += delta;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^file:\/\/.*\/work\/[^/]+\//, '');
    const key = `${functionName || '(anonymous)'} ${where}:${String(lineNumber + 1)}`;
    self.set(key, (self.get(key) ?? 0) + delta);
    const pkg =
      /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.includes('/graph/')
        ? '@wijkkring/graph'
        : url.includes('/api/')
          ? '@wijkkring/api'
          : url === ''
            ? `(${functionName})`
            : 'node');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + delta);
  });
  const top = (map: Map<string, number>, n: number): string[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  return [
    `  profile: ${join(dir, file)} (${total.toFixed(0)} ms sampled)`,
    '  self time by package:',
    ...top(byPackage, 15),
    '  self time by function:',
    ...top(self, 30),
  ];
}

// ---------------------------------------------------------------------------------------------
// Moves: Wijkkring only (the Library has no access rules or audit to compare them with)
// ---------------------------------------------------------------------------------------------

const CIRCLE_ENTRIES = 'query ($id: ID!) { networkCircle(id: $id) { entries { id ring sector version } } }';
const MOVE = `mutation ($input: MoveCircleEntryInput!) {
  moveCircleEntry(input: $input) { version entry { id ring sector version } } }`;

interface EntryState {
  id: string;
  ring: number;
  sector: string;
  version: number;
}

interface Moves {
  one: Summary;
  eight: Summary;
}

/**
 * Moves as in production (session, access check, lock, version check, audit record), one client at
 * a time and eight clients at once, each on their own circle: one ring further out (4 wraps to 1).
 */
async function measureMoves(
  circles: readonly { circleId: string }[],
  cookies: readonly string[],
  ports: Ports,
  neo4jPid: number | undefined,
  o: Options,
  log: Log,
): Promise<Moves> {
  const state: EntryState[][] = [];
  for (const [i, c] of circles.slice(0, 8).entries()) {
    const data = (await callHttp(ports.production, CIRCLE_ENTRIES, { id: c.circleId }, cookies[i] ?? '')) as {
      networkCircle: { entries: EntryState[] };
    };
    state.push(data.networkCircle.entries);
  }
  const counters = [0, 0, 0, 0, 0, 0, 0, 0];
  const moveOne = async (mover: number): Promise<void> => {
    const entries = state[mover] ?? [];
    const k = counters[mover] ?? 0;
    counters[mover] = k + 1;
    const entry = entries[k % entries.length];
    if (!entry) throw new Error('a circle without entries');
    const input = {
      circleId: circles[mover]?.circleId,
      entryId: entry.id,
      expectedVersion: entry.version,
      ring: (entry.ring % 4) + 1,
      sector: entry.sector,
    };
    const data = (await callHttp(ports.production, MOVE, { input }, cookies[mover] ?? '')) as {
      moveCircleEntry: { entry: EntryState };
    };
    Object.assign(entry, data.moveCircleEntry.entry);
  };
  const run = async (concurrency: number, total: number): Promise<Summary> => {
    const before = await serverStats(ports);
    const neoBefore = cpuTime(neo4jPid).neo4j;
    const result = await concurrently(total, concurrency, (_i, worker) => moveOne(worker));
    const neoAfter = cpuTime(neo4jPid).neo4j;
    const after = await serverStats(ports);
    return summarise({
      samples: result.samples,
      seconds: result.seconds,
      nodeMs: after.cpuMs - before.cpuMs,
      neo4jMs: neoBefore === null || neoAfter === null ? null : neoAfter - neoBefore,
      statements: after.statements - before.statements,
    });
  };
  await run(8, 200);
  const one: Summary[] = [];
  const eight: Summary[] = [];
  // Alternating, as the reads: drift hits both alike.
  for (let round = 0; round < o.rounds; round += 1) {
    one.push(await run(1, Math.ceil(o.samples / o.rounds / 2)));
    eight.push(await run(8, Math.ceil(o.samples / o.rounds)));
  }
  log(`  measured moves (${load()})`);
  return { one: merge(one), eight: merge(eight) };
}

/** Rounds of one cell as one: medians of the rounds' p50 and p99, throughput and CPU over all. */
function merge(parts: readonly Summary[]): Summary {
  const n = parts.reduce((sum, p) => sum + p.n, 0);
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const seconds = parts.reduce((sum, p) => sum + p.n / p.perSecond, 0);
  const weighted = (pick: (p: Summary) => number | null): number | null =>
    parts.some((p) => pick(p) === null) ? null : parts.reduce((sum, p) => sum + (pick(p) ?? 0) * p.n, 0) / n;
  return {
    n,
    p50: median(parts.map((p) => p.p50)),
    p99: median(parts.map((p) => p.p99)),
    perSecond: n / seconds,
    nodeMs: weighted((p) => p.nodeMs) ?? Number.NaN,
    neo4jMs: weighted((p) => p.neo4jMs),
    statements: weighted((p) => p.statements) ?? Number.NaN,
  };
}

function report(results: Map<string, Summary>, plans: readonly Plan[], o: Options, log: Log, moves: Moves): void {
  log('');
  log(
    `Per cell: ${String(o.samples)} samples (district ${String(Math.ceil(o.samples / 5))}) in ${String(o.rounds)} rounds, contestants in rotating order.`,
  );
  log(
    "CPU per operation: the servers' Node process and Neo4j, in ms. Ratio: p50 against the Library and against the floor (the faster of the two bare statements).",
  );
  const head = [
    'operation',
    'c',
    'contestant',
    'p50 ms',
    'p99 ms',
    'req/s',
    'CPU Node + Neo4j',
    'statements',
    '× Library',
    '× floor',
  ];
  const rows: string[][] = [];
  for (const plan of plans) {
    for (const concurrency of [1, 8]) {
      const get = (c: Contestant): Summary => results.get(`${plan.op.name}:${String(concurrency)}:${c}`) as Summary;
      const library = get('library');
      const floor = Math.min(get('floor-library').p50, get('floor-wijkkring').p50);
      for (const contestant of CONTESTANTS) {
        const s = get(contestant);
        rows.push([
          plan.op.name,
          String(concurrency),
          LABELS[contestant],
          ms(s.p50),
          ms(s.p99),
          s.perSecond.toFixed(0),
          `${ms(s.nodeMs)} + ${s.neo4jMs === null ? '?' : ms(s.neo4jMs)}`,
          s.statements.toFixed(1),
          (s.p50 / library.p50).toFixed(2),
          (s.p50 / floor).toFixed(2),
        ]);
      }
    }
  }
  for (const line of markdownTable(head, rows)) log(line);
  log('');
  log('Moves (Wijkkring as in production, each mover on its own client):');
  const moveRow = (label: string, m: Summary): string[] => [
    label,
    ms(m.p50),
    ms(m.p99),
    m.perSecond.toFixed(0),
    `${ms(m.nodeMs)} + ${m.neo4jMs === null ? '?' : ms(m.neo4jMs)}`,
    m.statements.toFixed(1),
  ];
  const moveHead = ['movers', 'p50 ms', 'p99 ms', 'moves/s', 'CPU Node + Neo4j', 'statements'];
  for (const line of markdownTable(moveHead, [moveRow('1', moves.one), moveRow('8', moves.eight)])) log(line);
  log('');
  log('Targets (issue 13):');
  for (const line of targets(results, plans, moves)) log(`  ${line}`);
}

/** CPU of one operation, Node and Neo4j together (NaN when Neo4j's is unknown). */
const cpuOf = (s: Summary): number => s.nodeMs + (s.neo4jMs ?? Number.NaN);

/**
 * Each target, met or not; a target not met says why, from this run's own figures: what the floor
 * and the data path cost, what sessions, policy and audit add, and what the machine's cores allow.
 */
function targets(results: Map<string, Summary>, plans: readonly Plan[], moves: Moves): string[] {
  const lines: string[] = [];
  const cores = cpus().length;
  const check = (ok: boolean, text: string, why: () => string): void => {
    lines.push(`${ok ? 'MET    ' : 'NOT MET'} ${text}`);
    if (!ok) lines.push(`          why: ${why()}`);
  };
  for (const plan of plans) {
    for (const concurrency of [1, 8]) {
      const get = (c: Contestant): Summary => results.get(`${plan.op.name}:${String(concurrency)}:${c}`) as Summary;
      const library = get('library');
      const unchecked = get('unchecked');
      const production = get('production');
      const at = `${plan.op.name} c=${String(concurrency)}`;
      check(
        unchecked.p50 / library.p50 <= 0.8,
        `${at}: data path ${(unchecked.p50 / library.p50).toFixed(2)}× the Library's p50 (target ≤ 0.8)`,
        () =>
          `the data path costs ${ms(cpuOf(unchecked))} ms of CPU against the Library's ${ms(cpuOf(library))}; ` +
          `the bare statements ${ms(cpuOf(get('floor-wijkkring')))} (ours) and ${ms(cpuOf(get('floor-library')))} (the Library's)`,
      );
      check(
        production.p50 / library.p50 <= 1.0,
        `${at}: with access and audit ${(production.p50 / library.p50).toFixed(2)}× (target ≤ 1.0)`,
        () =>
          `sessions, policy and audit add ${ms(cpuOf(production) - cpuOf(unchecked))} ms of CPU and ` +
          `${(production.statements - unchecked.statements).toFixed(1)} statements per read (the audit record is a second round trip)`,
      );
    }
  }
  const floor = results.get('circle:8:floor-wijkkring');
  const unchecked = results.get('circle:8:unchecked');
  const one = results.get('circle:1:production');
  const eight = results.get('circle:8:production');
  if (one && eight && floor && unchecked) {
    const cpu = cpuOf(eight);
    check(
      cpu <= 3,
      `circle read CPU ${ms(cpu)} ms (Node ${ms(eight.nodeMs)} + Neo4j ${eight.neo4jMs === null ? '?' : ms(eight.neo4jMs)}) at c=8 (target ≤ 3)`,
      () =>
        `the bare statement alone costs ${ms(cpuOf(floor))} ms here, GraphQL over HTTP brings it to ${ms(cpuOf(unchecked))}, ` +
        `and the audit record (a write transaction) adds ${ms(cpu - cpuOf(unchecked))}`,
    );
    const ceiling = (cores * 1000) / cpu;
    check(
      eight.perSecond >= 550,
      `circle reads ${eight.perSecond.toFixed(0)}/s at c=8 (target ≥ 550)`,
      () => `${ms(cpu)} ms of CPU per read on ${String(cores)} cores allow at most ${ceiling.toFixed(0)} reads a second`,
    );
    check(
      eight.p50 <= 15,
      `circle read p50 ${ms(eight.p50)} ms at c=8 (target ≤ 15)`,
      () =>
        `8 readers at ${eight.perSecond.toFixed(0)} reads a second wait ${ms(8000 / eight.perSecond)} ms each on average (Little's law)`,
    );
    check(
      one.p50 <= 4,
      `circle read p50 ${ms(one.p50)} ms one at a time (target ≤ 4)`,
      () =>
        `the data path alone takes ${ms(results.get('circle:1:unchecked')?.p50 ?? Number.NaN)} ms; ` +
        `the audit record is written (one more round trip and commit) before the answer leaves`,
    );
  }
  check(
    moves.one.p50 <= 5,
    `move with its audit record p50 ${ms(moves.one.p50)} ms one at a time (target ≤ 5)`,
    () =>
      `${moves.one.statements.toFixed(1)} statements in one write transaction (lock the circle, move with the version check, ` +
      `the audit record) cost ${ms(moves.one.nodeMs)} ms of Node's CPU and ${ms(moves.one.neo4jMs ?? Number.NaN)} of Neo4j's`,
  );
  const scale = moves.eight.perSecond / moves.one.perSecond;
  const moveCeiling = (cores * 1000) / cpuOf(moves.eight);
  check(
    scale >= 3,
    `8 movers on 8 clients: ${moves.eight.perSecond.toFixed(0)}/s, ${scale.toFixed(2)}× one mover's ${moves.one.perSecond.toFixed(0)}/s (target ≥ 3×)`,
    () =>
      `${ms(cpuOf(moves.eight))} ms of CPU per move on ${String(cores)} cores allow at most ${moveCeiling.toFixed(0)} moves a second ` +
      `(${(moveCeiling / moves.one.perSecond).toFixed(2)}× one mover); the audit chain's head lock, held from the record to the commit, serialises the rest`,
  );
  lines.push('(100,000 clients: npm run bench:compare -- 100000; the tablet page: npm run bench:page; see docs/measurements.md)');
  return lines;
}

export type { OperationName };
