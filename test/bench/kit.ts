// Shared by the benchmarks (bench:circle, bench:wijk): figures and their table, CPU time of Node
// and Neo4j, concurrent runs, statement tracing, GraphQL through the yoga app, machine facts.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { DEVELOPMENT_SECRET_KEY, loadEnv, type createYogaApp, type Env } from '@wijkkring/api';
import {
  datasetChecksum,
  hashPassword,
  recordDataset,
  seal,
  totpCode,
  upsertAccounts,
  upsertStaff,
  type Database,
} from '@wijkkring/graph';
import { generateCity, loadCity, percentile, type CityOptions } from '@wijkkring/seed';

export type Log = (line: string) => void;

export interface BenchNeo4j {
  uri: string;
  user: string;
  password: string;
  kind: string;
  pid?: number | undefined;
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

export interface Run {
  samples: number[];
  seconds: number;
  cpu?: { node: number; neo4j: number | null };
}

export function figure(name: string, run: Run | number[], target = '', statements = ''): Figure {
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

export const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));

export function table(figures: readonly Figure[]): string[] {
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
  return markdownTable(head, rows);
}

/** A Markdown table with its columns padded to the widest cell (pasted into docs/measurements.md as it is). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** CPU time used so far, in ms: this process, and the Neo4j process when it runs on this machine. */
export function cpuTime(neo4jPid: number | undefined): { node: number; neo4j: number | null } {
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

/** The Neo4j process whose CPU time `concurrently` reports (when it runs on this machine). */
export function watchNeo4j(pid: number | undefined): void {
  neo4jPid = pid;
}

/** Runs `total` operations on `concurrency` workers; each sample is one operation's wall time. */
export async function concurrently(
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

/** Where the circle benchmark's statements come from, by the calling function's name. */
export const CIRCLE_SOURCES: Readonly<Record<string, string>> = {
  findSession: 'session lookup',
  touchSession: 'session touch',
  findCircle: 'circle',
  lockCircle: 'lock circle',
  checkVersion: 'check entry version',
  editedEntry: 'move entry',
  appendAuditAfter: 'audit record',
  appendAudit: 'audit record (locking the head)',
};

export function sourceOf(stack: string, sources: Readonly<Record<string, string>>): string {
  const names: string[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const name = /^\s*at (?:async )?(?:[\w$]+\.)?([\w$]+) /.exec(line)?.[1];
    if (!name) continue;
    const source = sources[name];
    if (source) return source;
    names.push(name);
  }
  return `other (${names.slice(0, 6).join(' < ')})`;
}

export class StatementTrace {
  count = 0;
  private sources: string[] | null = null;

  constructor(private readonly known: Readonly<Record<string, string>> = CIRCLE_SOURCES) {}

  readonly onQuery = (): void => {
    this.count += 1;
    if (this.sources) this.sources.push(sourceOf(new Error('statement').stack ?? '', this.known));
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

export const describeCounts = (counts: Map<string, number>): string =>
  [...counts].map(([source, n]) => `${source} ${String(n)}`).join(', ');

export const total = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);

export function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export type Yoga = ReturnType<typeof createYogaApp>;

/**
 * One operation through the yoga app in this process: no socket, no HTTP parsing. The app's
 * context reads the caller's address from `req.socket` and sets cookies with `res.appendHeader`
 * (the Node server's objects), so this passes stand-ins for both and collects the cookies.
 */
export async function inProcess<T>(
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

export function sessionCookie(cookies: readonly string[]): string {
  const value = cookies.find((c) => c.startsWith('wk_session='))?.split(';')[0];
  if (!value || value === 'wk_session=') throw new Error('login set no session cookie');
  return value;
}

export function ensureOk<T>(answer: GraphQLAnswer<T>, what: string): T {
  if (answer.errors?.length || !answer.data) throw new Error(`${what} failed: ${JSON.stringify(answer.errors ?? answer)}`);
  return answer.data;
}

export const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { status } }';
export const LOGOUT = 'mutation { logout { ok } }';

export async function httpGraphQL<T>(
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

// ---------------------------------------------------------------------------------------------
// Machine and Neo4j facts for the report
// ---------------------------------------------------------------------------------------------

export function neo4jFacts(neo: BenchNeo4j): string[] {
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

export function directorySize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let size = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    size += entry.isDirectory() ? directorySize(path) : statSync(path).size;
  }
  return size;
}

export const machine = (): string =>
  `${String(cpus().length)} cores (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

export const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

// ---------------------------------------------------------------------------------------------
// Arguments and the synthetic city, the same for every benchmark
// ---------------------------------------------------------------------------------------------

/**
 * `<clients> --flag N ... --drop`: the number of clients, whole-number flags with their defaults
 * (`--flag N` or `--flag=N`), and whether to remove the city afterwards.
 */
export function parseBenchArgs<F extends string>(
  argv: readonly string[],
  defaults: Readonly<Record<F, number>>,
): { clients: number; drop: boolean; values: Record<F, number> } {
  const flags = Object.keys(defaults) as F[];
  const values = { ...defaults } as Record<F, number>;
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
    const match = /^--([a-z-]+)(?:=(\d+))?$/.exec(arg);
    const name = (match?.[1] ?? '') as F;
    if (!match || !flags.includes(name))
      throw new Error(`Unknown argument "${arg}". Use: <clients> ${flags.map((f) => `--${f} N`).join(' ')} --drop`);
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${arg} needs a whole number.`);
    values[name] = Number(value);
  }
  return { clients, drop, values };
}

/**
 * Loads a synthetic city once: a dataset marker with a checksum of its options (and `extra`)
 * lets the next run reuse it. `afterLoad` adds what the benchmark needs on top, before the marker.
 */
export async function ensureCity(
  db: Database,
  city: { dataset: string; options: CityOptions; extra?: unknown; afterLoad?: () => Promise<void> },
  log: Log,
): Promise<void> {
  const { dataset, options } = city;
  const checksum = createHash('sha256')
    .update(JSON.stringify({ options, extra: city.extra ?? null }))
    .digest('hex');
  // The marker alone is not enough: a city removed by hand (or by an older --drop) left its marker behind.
  const prefix = generateCity(options).slugPrefix;
  const present = await db.read(async (tx) => {
    const result = await tx.run('MATCH (d:District) WHERE d.slug STARTS WITH $prefix RETURN count(d) AS n', { prefix });
    return Number(result.records[0]?.get('n') ?? 0) > 0;
  });
  if (present && (await db.read((tx) => datasetChecksum(tx, dataset))) === checksum) {
    log(`  city of ${String(options.clients)} clients (seed ${String(options.seed)}) already loaded; reusing it`);
    return;
  }
  log(
    `  loading ${String(options.clients)} clients × ${options.entriesPerClient.join('-')} entries, ` +
      `${String(options.organisations)} organisations (seed ${String(options.seed)}) ...`,
  );
  let nextReport = 0.1;
  const result = await loadCity(db, options, {
    onProgress: ({ clients, seconds }) => {
      if (clients / options.clients < nextReport) return;
      nextReport = Math.floor((clients / options.clients) * 10) / 10 + 0.1;
      log(`    ${String(clients)} / ${String(options.clients)} clients (${seconds.toFixed(0)} s)`);
    },
  });
  await city.afterLoad?.();
  await db.write((tx) => recordDataset(tx, dataset, checksum));
  log(`  loaded ${String(result.counts.entries)} entries in ${result.seconds.toFixed(1)} s`);
}

/** The TOTP secret of every benchmark account (public on purpose: benchmark databases hold no real data). */
export const BENCH_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const BENCH_PASSWORD = 'bench-wachtwoord';

/**
 * A staff member with an account of `role`, signing in with password and second factor as a real
 * one does. `key` makes the ids and the username stable, so a rerun reuses them.
 */
export async function benchAccount(
  db: Database,
  key: string,
  options: { role: 'COORDINATOR' | 'RESEARCHER' | 'ADMIN'; name: string; districtId: string | null },
): Promise<{ username: string; password: string; secret: string }> {
  const staffId = uuidFrom(`${key}:${options.role.toLowerCase()}`);
  const username = key.replace(/[^a-z0-9-]/gi, '-');
  await db.write((tx) => upsertStaff(tx, [{ id: staffId, name: options.name, coordinatesDistrictId: options.districtId }]));
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await db.write((tx) =>
    upsertAccounts(tx, [
      {
        id: uuidFrom(`${key}:account`),
        username,
        role: options.role,
        displayName: options.name,
        passwordHash,
        totpSecret: seal(DEVELOPMENT_SECRET_KEY, BENCH_TOTP_SECRET),
        personId: staffId,
        demo: false,
      },
    ]),
  );
  return { username, password: BENCH_PASSWORD, secret: BENCH_TOTP_SECRET };
}

const VERIFY = 'mutation ($input: VerifyTotpInput!) { verifyTotp(input: $input) { status } }';

/**
 * Signs a bench account in over HTTP (password, then a TOTP code; when the current step was used
 * already, the next one) and returns the session cookie.
 */
export async function signInOverHttp(
  base: string,
  account: { username: string; password: string; secret: string },
): Promise<string> {
  const first = await httpGraphQL<{ login: { status: string } }>(
    `${base}/graphql`,
    LOGIN,
    { input: { username: account.username, password: account.password } },
    null,
  );
  if (!first.cookies.some((c) => c.startsWith('wk_session='))) throw new Error(`login failed: ${JSON.stringify(first.answer)}`);
  let cookie = sessionCookie(first.cookies);
  let second = await httpGraphQL<{ verifyTotp: { status: string } }>(
    `${base}/graphql`,
    VERIFY,
    { input: { code: totpCode(account.secret) } },
    cookie,
  );
  if (second.answer.data?.verifyTotp.status !== 'SIGNED_IN') {
    await new Promise((resolve) => setTimeout(resolve, 31_000));
    second = await httpGraphQL(`${base}/graphql`, VERIFY, { input: { code: totpCode(account.secret) } }, cookie);
  }
  if (second.cookies.some((c) => c.startsWith('wk_session='))) cookie = sessionCookie(second.cookies);
  return cookie;
}

/**
 * The API's configuration for a benchmark: development mode (the bench sends its own documents;
 * production accepts only persisted ones), a free port, no web app, and a per-address login limit
 * out of the way (every bench client shares 127.0.0.1, and that limit is not what is measured).
 */
export function benchEnv(neo: { uri: string; user: string; password: string }, overrides: Record<string, string> = {}): Env {
  return loadEnv({
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    WEB_DIST: '/nonexistent',
    LOGIN_ADDRESS_MAX_FAILURES: '10000',
    ...overrides,
  });
}
