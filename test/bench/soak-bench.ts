// `npm run soak -- --minutes 10`: issue 12's soak run. A bounded mixed load at concurrency 8 (circle
// reads, circle edits, logins, live subscribers, wijk reads) against the built API in a process of its
// own, on the bench database; reports errors (must be 0), latencies, resident memory of the API and
// of Neo4j at start and end, and whether the audit log holds exactly one record per audited operation
// and still verifies. Not part of `npm test`.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEVELOPMENT_SECRET_KEY } from '@wijkkring/api';
import { auditHead, auditRecordsAfter, verifyAuditChain, type Database } from '@wijkkring/graph';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo, loadDemoAccounts } from '@wijkkring/seed';
import {
  apiProcessEnv,
  acknowledged,
  CircleEditor,
  failureOf,
  HttpSession,
  Ledger,
  seededRandom,
  signIn,
  signInReady,
  signOut,
  type Credentials,
} from '../ops/load.js';
import { serverSentEvents } from '../support/sse.js';
import { figure, load, machine, parseBenchArgs, table, type BenchNeo4j, type Figure, type Log } from './kit.js';
import { freePort } from '@wijkkring/servers';

interface Options {
  minutes: number;
  concurrency: number;
  /** Seconds of load before the first memory reading, not counted in `minutes`: 120 by default. */
  warmup: number;
  subscribers: number;
}

/** `--minutes 10 --concurrency 8 --warmup 120 --subscribers 4`: ten minutes measured after two of warm-up. */
export function parseArgs(argv: readonly string[]): Options {
  const { values } = parseBenchArgs(argv, { minutes: 10, concurrency: 8, warmup: Number.NaN, subscribers: 4 });
  if (values.minutes < 1 || values.concurrency < 1) throw new Error('--minutes and --concurrency must be at least 1.');
  // Node's heap settles in the first two minutes of load (seen in every run): measured from there, the
  // growth over the run is what could be a leak, and the load still lasts `minutes` between the readings.
  const warmup = Number.isNaN(values.warmup) ? Math.min(120, values.minutes * 12) : values.warmup;
  return { minutes: values.minutes, concurrency: values.concurrency, warmup, subscribers: values.subscribers };
}

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Resident memory of a process in MB (VmRSS), or NaN when it cannot be read. */
function rss(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The built API (`node api/dist/main.js`) in a process of its own, so its memory is measured alone. */
async function startApi(
  neo: BenchNeo4j,
  port: number,
): Promise<{ child: ChildProcess; output: () => string; incidents: () => string[] }> {
  let output = '';
  // What the API logged as unexpected (with its stack), kept whole however long the run: the cause of an INTERNAL answer.
  const incidents: string[] = [];
  const child = spawn(process.execPath, [join(root, 'api', 'dist', 'main.js')], {
    cwd: root,
    env: apiProcessEnv(neo, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    if (/unexpected error|\[yoga\]/.test(text) && incidents.length < 20) incidents.push(text.slice(0, 4_000));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${String(child.exitCode)}):\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${String(port)}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not start:\n${output}`);
    await sleep(200);
  }
  return { child, output: () => output, incidents: () => incidents };
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// The operations
// ---------------------------------------------------------------------------------------------

const CIRCLE_READ = `query SoakCircleRead($id: ID!) { networkCircle(id: $id) { id version clientName
  entries { id ring sector position relation support safetyNet wish note frequency version
    target { __typename ... on CirclePerson { id name } ... on Organisation { id name } } }
  ties { id fromEntryId toEntryId } } }`;
const WIJK_READ = `query SoakWijkRead($slug: String!) { wijkMap(slug: $slug) { at
  organisations { id name } links { id } keyFigures { id name } partnerships { id name } offerings { id } } }`;
const LIVE = 'subscription SoakLive($id: ID!) { circleChanged(circleId: $id) { version change byViewer circle { id version } } }';
const WHO = 'query SoakWho { viewer { accountId clientId districts { slug } } }';
const CLIENT_CIRCLE = 'query SoakOwnCircle($id: ID!) { client(id: $id) { currentCircle { id } } }';
const GRANTS = 'query SoakGrants { myGrants { level active client { id currentCircle { id } } } }';

type Kind = 'circle read' | 'circle edit' | 'wijk read' | 'login' | 'live subscribe';

class Tally {
  readonly samples = new Map<Kind, number[]>();
  readonly errors = new Map<Kind, string[]>();
  measuring = false;
  readonly measured = new Map<Kind, number[]>();

  ok(kind: Kind, ms: number): void {
    this.samples.set(kind, [...(this.samples.get(kind) ?? []), ms]);
    if (this.measuring) this.measured.set(kind, [...(this.measured.get(kind) ?? []), ms]);
  }

  error(kind: Kind, what: string): void {
    this.errors.set(kind, [...(this.errors.get(kind) ?? []), what]);
  }

  count(kind: Kind): number {
    return this.samples.get(kind)?.length ?? 0;
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((n, list) => n + list.length, 0);
  }
}

/** A live subscriber: one stream open on a circle, closed and opened again now and then. */
class Subscriber {
  events = 0;
  opened = 0;
  private abort: AbortController | null = null;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: HttpSession,
    private readonly circleId: string,
    private readonly tally: Tally,
  ) {}

  async open(): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(this.session.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          'x-wijkkring-csrf': '1',
          ...(this.session.cookie ? { cookie: this.session.cookie } : {}),
        },
        body: JSON.stringify({ query: LIVE, variables: { id: this.circleId } }),
        signal: abort.signal,
      });
    } catch (error) {
      this.tally.error('live subscribe', failureOf(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    if (!response.ok || !response.body) {
      this.tally.error('live subscribe', `HTTP ${String(response.status)}`);
      return;
    }
    this.opened += 1;
    this.tally.ok('live subscribe', performance.now() - started);
    const body = response.body;
    this.reading = (async () => {
      try {
        for await (const { data } of serverSentEvents(body)) {
          const event = JSON.parse(data) as { errors?: { message: string }[]; data?: unknown };
          if (event.errors?.length) this.tally.error('live subscribe', `event error: ${event.errors[0]?.message ?? ''}`);
          else this.events += 1;
        }
        if (!abort.signal.aborted) this.tally.error('live subscribe', 'the server ended the stream');
      } catch (error) {
        if (!abort.signal.aborted) this.tally.error('live subscribe', `stream broke: ${String(error)}`);
      }
    })();
  }

  async close(): Promise<void> {
    this.abort?.abort();
    await this.reading;
  }
}

interface Who {
  viewer: { accountId: string; clientId: string | null; districts: { slug: string }[] } | null;
}

async function ask<T>(session: HttpSession, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await session.graphql<T>(query, variables);
  if (!acknowledged(answer) || !answer.data) throw new Error(`${query.slice(0, 40)}: ${failureOf(answer)}`);
  return answer.data;
}

const demoAccount = (username: string): Credentials => {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return { username, password: DEMO_PASSWORD, totpSecret: account.totpSecret };
};

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

export interface SoakResult {
  ok: boolean;
  figures: Figure[];
  errors: number;
  memory: { node: [number, number]; neo4j: [number, number] };
}

export async function benchSoak(
  db: Database,
  neo: BenchNeo4j,
  argv: string[],
  log: Log = (line) => void process.stdout.write(`${line}\n`),
): Promise<SoakResult> {
  const o = parseArgs(argv);
  log(
    `soak: a warm-up of ${String(o.warmup)} s, then ${String(o.minutes)} min measured, at concurrency ${String(o.concurrency)}, ` +
      `${String(o.subscribers)} live subscribers`,
  );
  log(`  ${machine()}; load average ${load()} (1 / 5 / 15 min)`);
  // The demo accounts sign in as demo people; both use ids and slugs of their own (the synthetic
  // city's all start with synth-), so they sit beside the bench city without touching it.
  log(`  ${(await loadDemo(db)).summary}`);
  await loadDemoAccounts(db, DEVELOPMENT_SECRET_KEY);

  const port = await freePort();
  const api = await startApi(neo, port);
  const base = (): string => `http://127.0.0.1:${String(port)}`;
  const tally = new Tally();
  const subscribers: Subscriber[] = [];
  try {
    // Sessions and what each may do.
    const sessions = new Map<string, HttpSession>();
    const accountIds = new Map<string, string>();
    for (const username of ['sanne', 'mohamed', 'eline', 'kwartiermaker']) {
      const session = new HttpSession(base);
      await signIn(session, demoAccount(username));
      sessions.set(username, session);
      accountIds.set(username, (await ask<Who>(session, WHO)).viewer?.accountId ?? '');
    }
    const session = (name: string): HttpSession => sessions.get(name) as HttpSession;
    const readable: { session: HttpSession; circleId: string }[] = [];
    const editable: { username: string; circleId: string; clientId: string }[] = [];
    for (const client of ['sanne', 'mohamed']) {
      const who = await ask<Who>(session(client), WHO);
      const clientId = who.viewer?.clientId ?? '';
      const own = await ask<{ client: { currentCircle: { id: string } | null } | null }>(session(client), CLIENT_CIRCLE, {
        id: clientId,
      });
      const circleId = own.client?.currentCircle?.id;
      if (!circleId) throw new Error(`${client} has no open circle`);
      readable.push({ session: session(client), circleId });
      editable.push({ username: client, circleId, clientId });
    }
    const grants = await ask<{
      myGrants: { level: string; active: boolean; client: { id: string; currentCircle: { id: string } | null } }[];
    }>(session('eline'), GRANTS);
    for (const g of grants.myGrants.filter((x) => x.active && x.client.currentCircle)) {
      const circleId = (g.client.currentCircle as { id: string }).id;
      readable.push({ session: session('eline'), circleId });
      if (g.level === 'EDIT' && editable.filter((e) => e.username === 'eline').length < 3)
        editable.push({ username: 'eline', circleId, clientId: g.client.id });
    }
    const who = await ask<Who>(session('kwartiermaker'), WHO);
    const slugs = who.viewer?.districts.map((d) => d.slug) ?? [];
    if (slugs.length === 0) throw new Error('the coordinator has no wijk');
    log(
      `  ${String(readable.length)} readable circles, ${String(editable.length)} edited (one editor each), wijken ${slugs.join(', ')}`,
    );

    // Editors: one per circle and account, each sending one edit at a time; entries of their own only,
    // at most six, so ten minutes of edits leave the circles as big as they were.
    const ledger = new Ledger(`Soak${String(Date.now())}`);
    const random = seededRandom(12);
    const idle: CircleEditor[] = editable.map(
      (e) =>
        new CircleEditor(session(e.username), ledger, {
          accountId: accountIds.get(e.username) ?? '',
          circles: [{ circleId: e.circleId, clientId: e.clientId }],
          grantTo: [],
          random,
          weights: { add: 2, move: 5, tie: 2, remove: 2, grant: 0 },
          maxOwnEntries: 6,
        }),
    );

    for (let i = 0; i < o.subscribers; i += 1) {
      const target = readable[i % readable.length] as { session: HttpSession; circleId: string };
      const subscriber = new Subscriber(target.session, target.circleId, tally);
      await subscriber.open();
      subscribers.push(subscriber);
    }

    const before = await db.read((tx) => auditHead(tx));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const loginAccounts = ['mohamed', 'sanne', 'eline', 'kwartiermaker', 'kwartiermaker-overvecht'].map(demoAccount);
    let logins = 0;
    const signingIn = new Set<string>();
    let circleReads = 0;

    const operation = async (): Promise<void> => {
      const roll = random();
      const started = performance.now();
      if (roll < 0.04) {
        // A login (password, second factor for professionals) and its logout.
        // One login of an account at a time, as a person does: an attempt in flight counts against
        // the account's failure limit until it succeeds, so parallel logins of one account are refused.
        const ready = loginAccounts.filter((a) => signInReady(a) && !signingIn.has(a.username));
        if (ready.length > 0) {
          const account = pick(ready);
          signingIn.add(account.username);
          const fresh = new HttpSession(base);
          try {
            await signIn(fresh, account);
            await signOut(fresh);
            logins += 1;
            tally.ok('login', performance.now() - started);
          } catch (error) {
            tally.error('login', String(error));
          } finally {
            signingIn.delete(account.username);
          }
          return;
        }
      }
      if (roll < 0.35) {
        const editor = idle.shift();
        if (editor) {
          try {
            const record = await editor.step();
            if (record.acknowledged) tally.ok('circle edit', record.ms);
            else tally.error('circle edit', `${record.kind}: ${record.failure ?? '?'}`);
          } finally {
            idle.push(editor);
          }
          return;
        }
      }
      if (roll >= 0.8) {
        const answer = await session('kwartiermaker').attempt<{ wijkMap: { at: string } | null }>(WIJK_READ, {
          slug: pick(slugs),
        });
        if (acknowledged(answer) && !(answer instanceof Error) && answer.data?.wijkMap)
          tally.ok('wijk read', performance.now() - started);
        else tally.error('wijk read', failureOf(answer));
        return;
      }
      const target = pick(readable);
      const answer = await target.session.attempt<{ networkCircle: { id: string } | null }>(CIRCLE_READ, { id: target.circleId });
      circleReads += 1;
      if (acknowledged(answer) && !(answer instanceof Error) && answer.data?.networkCircle?.id === target.circleId)
        tally.ok('circle read', performance.now() - started);
      else tally.error('circle read', failureOf(answer));
    };

    // Subscribers reconnect now and then (as a tablet that sleeps and wakes does).
    const started = Date.now();
    const end = started + o.warmup * 1_000 + o.minutes * 60_000;
    const reconnecting = (async () => {
      while (Date.now() < end) {
        await sleep(15_000);
        if (Date.now() >= end) break;
        const subscriber = pick(subscribers);
        await subscriber.close();
        await subscriber.open();
      }
    })();

    const memory = { node: [Number.NaN, Number.NaN] as [number, number], neo4j: [Number.NaN, Number.NaN] as [number, number] };
    const sampling = (async () => {
      await sleep(o.warmup * 1_000);
      memory.node[0] = rss(api.child.pid);
      memory.neo4j[0] = rss(neo.pid);
      tally.measuring = true;
      log(`  after ${String(o.warmup)} s: API ${memory.node[0].toFixed(0)} MB, Neo4j ${memory.neo4j[0].toFixed(0)} MB resident`);
      while (Date.now() < end - 60_000) {
        await sleep(60_000);
        const minute = ((Date.now() - started) / 60_000).toFixed(0);
        log(
          `  minute ${minute}: API ${rss(api.child.pid).toFixed(0)} MB, Neo4j ${rss(neo.pid).toFixed(0)} MB resident; ` +
            `${String(tally.count('circle read') + tally.count('circle edit') + tally.count('wijk read') + tally.count('login'))} operations, ` +
            `${String(tally.errorCount)} errors`,
        );
      }
    })();

    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        while (Date.now() < end) await operation();
      }),
    );
    memory.node[1] = rss(api.child.pid);
    memory.neo4j[1] = rss(neo.pid);
    await reconnecting;
    await sampling;
    // The last edits' events are still on their way: a moment before the streams close.
    await sleep(1_000);
    for (const s of subscribers) await s.close();
    const seconds = (Date.now() - started) / 1000;

    // The audit log: every record written during the run, by operation name.
    const after = await db.read((tx) => auditHead(tx));
    const firstSeq = before?.seq ?? 0;
    const lastSeq = after?.seq ?? 0;
    const byDetail = new Map<string, number>();
    let unexpected = 0;
    for (let seq = firstSeq; seq < lastSeq;) {
      const batch = await db.read((tx) => auditRecordsAfter(tx, seq, lastSeq, 5_000));
      if (batch.length === 0) break;
      for (const r of batch) {
        const key = r.detail?.startsWith(`${ledger.prefix}_`) ? 'circle edits' : `${r.detail ?? '-'} ${r.action} ${r.result}`;
        byDetail.set(key, (byDetail.get(key) ?? 0) + 1);
        if (r.result !== 'SUCCESS') unexpected += 1;
      }
      seq = (batch[batch.length - 1] as { seq: number }).seq;
    }
    const records = lastSeq - firstSeq;
    const events = subscribers.reduce((n, s) => n + s.events, 0);
    const opened = subscribers.reduce((n, s) => n + s.opened, 0);
    // What each operation must have left: a read of a circle one READ record (one client), an edit one
    // record in its own transaction, a login a LOGIN and a LOGOUT record, a wijk read none (the social
    // map is not personal data), and every live event one READ record, written as the event goes out:
    // an event under way when its stream was closed for a reconnect has its record but never arrives.
    const expected: { what: string; key: string[]; operations: number; slack?: number }[] = [
      { what: 'circle reads: READ', key: ['SoakCircleRead READ SUCCESS'], operations: circleReads },
      { what: 'circle edits: one record each', key: ['circle edits'], operations: ledger.acknowledged },
      { what: 'logins: LOGIN', key: ['SignIn LOGIN SUCCESS', 'SecondFactor LOGIN SUCCESS'], operations: logins },
      { what: 'logins: LOGOUT', key: ['SignOut LOGOUT SUCCESS'], operations: logins },
      { what: 'live events received: READ', key: ['SoakLive READ SUCCESS'], operations: events, slack: opened },
      { what: 'wijk reads: none', key: ['SoakWijkRead READ SUCCESS'], operations: 0 },
    ];
    const found = (keys: readonly string[]): number => keys.reduce((n, k) => n + (byDetail.get(k) ?? 0), 0);
    const accounted = expected.reduce((n, e) => n + found(e.key), 0);
    const verifyStarted = performance.now();
    const chain = await verifyAuditChain(db);
    const verifySeconds = (performance.now() - verifyStarted) / 1000;

    const figures: Figure[] = (['circle read', 'circle edit', 'wijk read', 'login', 'live subscribe'] as const).map((kind) =>
      figure(`${kind} (after warm-up)`, { samples: tally.measured.get(kind) ?? [], seconds: seconds - o.warmup }),
    );
    log('');
    log(`soak: ${seconds.toFixed(0)} s, load average ${load()} at the end`);
    for (const line of table(figures)) log(line);
    const all = (['circle read', 'circle edit', 'wijk read', 'login', 'live subscribe'] as const)
      .map((kind) => `${kind} ${String(tally.count(kind))}`)
      .join(', ');
    log(`operations (whole run): ${all}; live events received ${String(events)} on ${String(opened)} streams opened`);
    const editKinds = new Map<string, number>();
    for (const e of ledger.edits) editKinds.set(e.kind, (editKinds.get(e.kind) ?? 0) + 1);
    log(`circle edits by kind: ${[...editKinds].map(([k, n]) => `${k} ${String(n)}`).join(', ')}`);
    log(`errors: ${String(tally.errorCount)}`);
    for (const [kind, list] of tally.errors) log(`  ${kind}: ${list.slice(0, 5).join('; ')}${list.length > 5 ? ' ...' : ''}`);
    for (const incident of api.incidents()) log(`  the API logged: ${incident.trimEnd()}`);
    const growth = (pair: [number, number]): string =>
      `${pair[0].toFixed(0)} → ${pair[1].toFixed(0)} MB (${(((pair[1] - pair[0]) / pair[0]) * 100).toFixed(1)} %)`;
    log(
      `resident memory after warm-up → end: API (Node) ${growth(memory.node)}; Neo4j ${growth(memory.neo4j)}; target: growth under 10 %`,
    );
    // A figure, not a pass/fail of the run (a JVM's page cache fills as the load reaches more of the store): said plainly.
    const within = (pair: [number, number]): boolean => (pair[1] - pair[0]) / pair[0] < 0.1;
    log(
      `memory target (growth under 10 %): API ${within(memory.node) ? 'reached' : 'NOT reached'}, ` +
        `Neo4j ${within(memory.neo4j) ? 'reached' : 'NOT reached'}`,
    );
    log(
      `audit: ${String(records)} records written during the run, ${String(accounted)} accounted for by operation, ` +
        `${String(unexpected)} not SUCCESS`,
    );
    let auditOk = records === accounted && unexpected === 0;
    for (const e of expected) {
      const n = found(e.key);
      const fits = e.slack === undefined ? n === e.operations : n >= e.operations && n <= e.operations + e.slack;
      log(
        `  ${e.what}: ${String(e.operations)} operations, ${String(n)} records` +
          (e.slack === undefined ? '' : ` (records may exceed events by the ${String(e.slack)} streams closed)`),
      );
      if (!fits) auditOk = false;
    }
    const known = new Set(expected.flatMap((e) => e.key));
    const other = [...byDetail].filter(([k]) => !known.has(k));
    if (other.length > 0) log(`  other records: ${other.map(([k, n]) => `${k} ×${String(n)}`).join(', ')}`);
    log(
      `audit chain: ${chain.ok ? 'intact' : `BROKEN at ${String(chain.broken?.seq)}: ${chain.broken?.reason ?? ''}`}, ` +
        `${String(chain.checked)} records checked in ${verifySeconds.toFixed(1)} s`,
    );
    const ok = tally.errorCount === 0 && auditOk && chain.ok;
    log(ok ? 'soak: OK' : 'soak: FAILED');
    return { ok, figures, errors: tally.errorCount, memory };
  } catch (error) {
    log(`API output:\n${api.output()}`);
    throw error;
  } finally {
    for (const s of subscribers) await s.close();
    await stopApi(api.child);
  }
}
