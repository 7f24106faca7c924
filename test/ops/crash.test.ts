import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientRef, DEVELOPMENT_PSEUDONYM_KEY } from '@wijkkring/api';
import { Database, LENSINK_LAYOUT, migrate, verifyAuditChain } from '@wijkkring/graph';
import { freePort, neo4jSettings, startLocalNeo4j, type RunningNeo4j } from '@wijkkring/servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../support/accounts.js';
import { createWorld, grantWorkerAccess, type World } from '../support/fixtures.js';
import { apiProcessEnv, CircleEditor, HttpSession, Ledger, seededRandom, signIn, type EditRecord } from './load.js';

/**
 * Crash drills (issue 12), after Neo4j's own recovery tests: several clients and begeleiders send
 * concurrent circle edits through the real API (a child process, as in production) to a Neo4j of
 * this file's own; halfway, the Neo4j JVM (first case) or the API process (second case) is killed
 * with SIGKILL, and started again. Then the database must hold every edit the API acknowledged,
 * nothing half-written, the audit record of every change (and no record without its change), and an
 * intact audit chain.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const log = (line: string): void => void process.stdout.write(`[crash] ${line}\n`);

/** Edits per account; eight accounts, so 144 edits per drill. */
const EDITS_PER_ACCOUNT = 18;
/** The kill comes when this many edits were acknowledged: in the middle of the load. */
const KILL_AFTER_ACKNOWLEDGED = 40;
/** Edits still sent while the killed process is down, before the load waits for the restart. */
const SENT_WHILE_DOWN = 12;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

let home: string;
let boltPort: number;
let apiPort: number;
let neo: RunningNeo4j;
let api: ChildProcess | undefined;
let apiOutput = '';
const worlds: { world: World; client: TestAccount; worker: TestAccount }[] = [];

function startNeo4j(): Promise<RunningNeo4j> {
  // A fixed port, so the restarted Neo4j is where the running API looks for it.
  const settings = neo4jSettings({ ...process.env, WIJKKRING_NEO4J_BOLT_PORT: String(boltPort) });
  return startLocalNeo4j({ profile: 'test', settings, log: () => undefined, home });
}

function connect(): Database {
  return new Database({ uri: neo.uri, user: neo.user, password: neo.password });
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${String(apiPort)}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

/** The built API (`node api/dist/main.js`) as its own process, as in production. */
async function startApi(): Promise<void> {
  const child = spawn(process.execPath, [join(root, 'api', 'dist', 'main.js')], {
    cwd: root,
    env: apiProcessEnv(neo, apiPort),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    apiOutput = (apiOutput + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  api = child;
  await until('the API', async () => {
    if (child.exitCode !== null) throw new Error(`the API exited (${String(child.exitCode)}):\n${apiOutput}`);
    return healthy();
  });
}

async function killApi(): Promise<void> {
  const child = api;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'wijkkring-crash-'));
  boltPort = await freePort();
  apiPort = await freePort();
  neo = await startNeo4j();
  const db = connect();
  try {
    await migrate(db);
    // Four small worlds: in each, a client and their begeleider (EDIT grant) draw in one circle together.
    for (let i = 0; i < 4; i += 1) {
      const world = await createWorld(db);
      await grantWorkerAccess(db, world, 'EDIT');
      const client = await createAccount(db, { role: 'CLIENT', personId: world.clientId });
      const worker = await createAccount(db, { role: 'SUPPORT_WORKER', personId: world.workerId });
      worlds.push({ world, client, worker });
    }
  } finally {
    await db.close();
  }
  await startApi();
});

afterAll(async () => {
  await killApi();
  await neo.stop();
  rmSync(home, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The drill
// ---------------------------------------------------------------------------------------------

/**
 * Sends the load from eight accounts at once; when KILL_AFTER_ACKNOWLEDGED edits were acknowledged,
 * `kill` runs (at once, while other edits are in flight); SENT_WHILE_DOWN more edits are sent, then
 * the load waits for `restart` and goes on until every account has sent its share.
 */
async function drill(prefix: string, kill: () => Promise<void>, restart: () => Promise<void>): Promise<Ledger> {
  const ledger = new Ledger(prefix);
  const random = seededRandom(prefix.length * 7_919 + 12);
  const editors: CircleEditor[] = [];
  for (const [i, { world, client, worker }] of worlds.entries()) {
    const circles = [{ circleId: world.circle.id, clientId: world.clientId }];
    const others = worlds.filter((_, j) => j !== i).map((w) => w.world.workerId);
    const clientSession = new HttpSession(() => `http://127.0.0.1:${String(apiPort)}`);
    await signIn(clientSession, client);
    editors.push(
      new CircleEditor(clientSession, ledger, {
        accountId: client.id,
        circles,
        grantTo: others,
        clientId: world.clientId,
        random,
      }),
    );
    const workerSession = new HttpSession(() => `http://127.0.0.1:${String(apiPort)}`);
    await signIn(workerSession, worker);
    editors.push(new CircleEditor(workerSession, ledger, { accountId: worker.id, circles, grantTo: [], random }));
  }

  // Held in one object: the workers below change it, which the compiler cannot follow in plain variables.
  const phase: {
    killed: Promise<void> | null;
    sentAtKill: number;
    paused: Promise<void> | null;
    restarted: Promise<void> | null;
  } = { killed: null, sentAtKill: 0, paused: null, restarted: null };
  await Promise.all(
    editors.map(async (editor) => {
      for (let i = 0; i < EDITS_PER_ACCOUNT; i += 1) {
        if (phase.paused) await phase.paused;
        await editor.step();
        if (!phase.killed && ledger.acknowledged >= KILL_AFTER_ACKNOWLEDGED) {
          phase.sentAtKill = ledger.sent;
          log(`${prefix}: killing after ${String(ledger.acknowledged)} acknowledged of ${String(phase.sentAtKill)} sent`);
          phase.killed = kill();
        }
        if (phase.killed && !phase.paused && ledger.sent - phase.sentAtKill >= SENT_WHILE_DOWN) {
          const down = phase.killed;
          let resume = (): void => undefined;
          phase.paused = new Promise<void>((resolve) => (resume = resolve));
          phase.restarted = (async () => {
            await down;
            const started = performance.now();
            await restart();
            log(`${prefix}: back after ${((performance.now() - started) / 1000).toFixed(1)} s`);
            resume();
          })();
        }
      }
    }),
  );
  // The load may run out before enough edits were sent while down: the restart still comes.
  if (phase.killed && !phase.restarted) {
    await phase.killed;
    await restart();
  }
  await phase.restarted;
  return ledger;
}

// ---------------------------------------------------------------------------------------------
// What the database must say afterwards
// ---------------------------------------------------------------------------------------------

interface CircleState {
  version: number;
  ties: string[];
  entries: { id: string; ring: number; sector: string; position: number; version: number; targetId: string }[];
  /** People of this client (CONTACT_OF) whom no circle places: what a half-written add would leave. */
  unplacedContacts: number;
  grants: { id: string; workerId: string; level: string; active: boolean }[];
}

async function circleState(db: Database, world: World): Promise<CircleState> {
  return db.read(async (tx) => {
    const circle = await tx.run(
      `MATCH (c:NetworkCircle {id: $circleId})
       RETURN coalesce(c.version, 0) AS version, coalesce(c.ties, []) AS ties,
         COLLECT { MATCH (c)-[p:PLACES]->(t)
           RETURN {id: p.id, ring: p.ring, sector: p.sector, position: p.position, version: p.version, targetId: t.id} } AS entries`,
      { circleId: world.circle.id },
    );
    const people = await tx.run(
      `MATCH (p:Person)-[:CONTACT_OF]->(:Client {id: $clientId})
       WHERE NOT EXISTS { (:NetworkCircle)-[:PLACES]->(p) }
       RETURN count(p) AS n`,
      { clientId: world.clientId },
    );
    const grants = await tx.run(
      `MATCH (:Client {id: $clientId})-[g:GRANTS_ACCESS]->(w:Person)
       RETURN g.id AS id, w.id AS workerId, g.level AS level, g.revokedAt IS NULL AS active`,
      { clientId: world.clientId },
    );
    const row = circle.records[0];
    if (!row) throw new Error(`circle ${world.circle.id} is gone`);
    return {
      version: row.get('version') as number,
      ties: row.get('ties') as string[],
      entries: row.get('entries') as CircleState['entries'],
      unplacedContacts: people.records[0]?.get('n') as number,
      grants: grants.records.map((r) => ({
        id: r.get('id') as string,
        workerId: r.get('workerId') as string,
        level: r.get('level') as string,
        active: r.get('active') as boolean,
      })),
    };
  });
}

async function snapshot(db: Database): Promise<Map<string, CircleState>> {
  const states = new Map<string, CircleState>();
  for (const { world } of worlds) states.set(world.clientId, await circleState(db, world));
  return states;
}

interface AuditRow {
  detail: string;
  result: string;
  actorAccountId: string | null;
  clientRef: string | null;
  subject: string;
  action: string;
  at: string;
}

interface Report {
  sent: number;
  acknowledged: number;
  /** Edits with a SUCCESS audit record: committed, whether or not the answer arrived. */
  committed: number;
  found: number;
  lost: number;
  /** Committed, but the answer said otherwise (or never came): what a retry would apply twice. */
  committedUnacknowledged: string[];
  /**
   * Committed though answered TIMEOUT, which says nothing was changed. Unlike a connection that
   * died during the commit (an answer nobody can give), that is a wrong answer (RequestGate).
   */
  committedAfterTimeout: string[];
  problems: string[];
  failures: string;
}

/**
 * Checks the database against the ledger. The SUCCESS audit record of a change commits in the
 * change's transaction and names its operation, so the records say exactly which edits committed
 * (acknowledged or not); from those, the state of every circle is known to the entry.
 */
async function check(db: Database, ledger: Ledger, before: Map<string, CircleState>): Promise<Report> {
  const problems: string[] = [];
  const rows = await db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (r:AuditRecord) WHERE r.detail STARTS WITH $prefix
       RETURN r.detail AS detail, r.result AS result, r.actorAccountId AS actorAccountId, r.clientRef AS clientRef,
         r.subject AS subject, r.action AS action, r.at AS at`,
      { prefix: `${ledger.prefix}_` },
    );
    return result.records.map((r) => r.toObject() as AuditRow);
  });
  const byName = new Map(ledger.edits.map((e) => [e.name, e]));
  const committed = new Set<string>();
  const committedAt = new Map<string, number>();
  for (const row of rows) {
    const edit = byName.get(row.detail);
    if (row.result !== 'SUCCESS') continue;
    if (!edit) {
      problems.push(`audit record for an edit never sent: ${row.detail}`);
      continue;
    }
    if (committed.has(row.detail)) problems.push(`two SUCCESS records for ${row.detail}`);
    committed.add(row.detail);
    committedAt.set(row.detail, Date.parse(row.at));
    const expected = {
      actorAccountId: edit.accountId,
      clientRef: clientRef(DEVELOPMENT_PSEUDONYM_KEY, edit.clientId),
      subject: edit.subject,
      action: edit.action,
    };
    for (const [field, value] of Object.entries(expected)) {
      if (row[field as keyof AuditRow] !== value)
        problems.push(`${row.detail}: audit ${field} is ${String(row[field as keyof AuditRow])}, expected ${value}`);
    }
  }
  const isCommitted = (e: EditRecord): boolean => committed.has(e.name);

  const after = await snapshot(db);
  const rings = new Set(LENSINK_LAYOUT.rings.map((r) => r.ring));
  const sectors = new Set(LENSINK_LAYOUT.sectors.map((s) => s.key));
  for (const { world } of worlds) {
    const was = before.get(world.clientId) as CircleState;
    const now = after.get(world.clientId) as CircleState;
    const mine = ledger.edits.filter((e) => e.clientId === world.clientId);
    const onCircle = mine.filter((e) => e.kind !== 'grant' && isCommitted(e));
    const where = `circle of client ${world.tag}`;
    // Invariants of a circle (graph/src/circle/writes.ts).
    const ids = new Set(now.entries.map((e) => e.id));
    for (const e of now.entries) {
      if (!rings.has(e.ring) || !sectors.has(e.sector)) problems.push(`${where}: entry ${e.id} at ${String(e.ring)}/${e.sector}`);
      if (!Number.isInteger(e.position) || e.position < 0 || !(e.version >= 1))
        problems.push(`${where}: entry ${e.id} has position ${String(e.position)}, version ${String(e.version)}`);
    }
    if (ids.size !== now.entries.length) problems.push(`${where}: an entry id appears twice`);
    if (new Set(now.entries.map((e) => e.targetId)).size !== now.entries.length)
      problems.push(`${where}: someone is placed twice`);
    const cells = now.entries.map((e) => `${String(e.ring)}/${e.sector}/${String(e.position)}`);
    if (new Set(cells).size !== cells.length) problems.push(`${where}: two entries share a place in a cell`);
    for (const tie of now.ties) {
      const [a = '', b = ''] = tie.split('~');
      if (!ids.has(a) || !ids.has(b)) problems.push(`${where}: tie ${tie} joins an entry that is not in the circle`);
    }
    if (now.unplacedContacts !== 0) problems.push(`${where}: ${String(now.unplacedContacts)} people placed nowhere`);
    // Each committed edit counted once in the circle's version; nothing else changed it.
    if (now.version - was.version !== onCircle.length)
      problems.push(
        `${where}: version went ${String(was.version)} → ${String(now.version)}, ${String(onCircle.length)} edits committed`,
      );
    const adds = onCircle.filter((e) => e.kind === 'add').length;
    if (now.entries.length - was.entries.length !== adds)
      problems.push(`${where}: ${String(now.entries.length - was.entries.length)} entries more, ${String(adds)} adds committed`);
    const ties = new Set([...was.ties, ...onCircle.filter((e) => e.kind === 'tie').map((e) => e.tieId ?? '')]);
    if (ties.size !== now.ties.length || now.ties.some((t) => !ties.has(t)))
      problems.push(`${where}: ties are ${now.ties.join(', ')}, expected ${[...ties].join(', ')}`);
    const grants = mine.filter((e) => e.kind === 'grant' && isCommitted(e)).length;
    if (now.grants.length - was.grants.length !== grants)
      problems.push(`${where}: ${String(now.grants.length - was.grants.length)} grants more, ${String(grants)} committed`);
    const active = now.grants.filter((g) => g.active).map((g) => g.workerId);
    if (new Set(active).size !== active.length) problems.push(`${where}: two active grants to one support worker`);
    // Every entry an editor added and moved: where its last committed edit put it, moved once per committed move.
    const entryEdits = new Map<string, EditRecord[]>();
    for (const e of mine.filter((x) => (x.kind === 'add' || x.kind === 'move') && x.entryId !== null && isCommitted(x)))
      entryEdits.set(e.entryId as string, [...(entryEdits.get(e.entryId as string) ?? []), e]);
    for (const [entryId, edits] of entryEdits) {
      const entry = now.entries.find((e) => e.id === entryId);
      const last = edits[edits.length - 1] as EditRecord;
      const moves = edits.filter((e) => e.kind === 'move').length;
      if (!entry) problems.push(`${where}: entry ${entryId} has committed edits but is not there`);
      else if (entry.ring !== last.ring || entry.sector !== last.sector || entry.version !== 1 + moves)
        problems.push(
          `${where}: entry ${entryId} is at ${String(entry.ring)}/${entry.sector} v${String(entry.version)}, ` +
            `expected ${String(last.ring)}/${String(last.sector)} v${String(1 + moves)} (${last.name})`,
        );
    }
  }

  // Every acknowledged edit, one by one.
  let found = 0;
  for (const edit of ledger.edits.filter((e) => e.acknowledged)) {
    const now = after.get(edit.clientId) as CircleState;
    const entry = now.entries.find((e) => e.id === edit.entryId);
    let there: boolean;
    if (edit.kind === 'add') there = entry !== undefined;
    else if (edit.kind === 'move') there = entry !== undefined && entry.version >= (edit.version ?? Infinity);
    else if (edit.kind === 'tie') there = now.ties.includes(edit.tieId ?? '');
    else there = now.grants.some((g) => g.id === edit.grantId && g.workerId === edit.supportWorkerId && g.level === 'READ');
    if (!isCommitted(edit)) problems.push(`${edit.name} was acknowledged but has no audit record`);
    if (there && isCommitted(edit)) found += 1;
    else problems.push(`${edit.name} (${edit.kind}) was acknowledged but is not in the database`);
  }

  const chain = await verifyAuditChain(db);
  if (!chain.ok) problems.push(`audit chain broken: ${JSON.stringify(chain.broken)}`);
  const failures = new Map<string, number>();
  for (const e of ledger.edits.filter((x) => !x.acknowledged))
    failures.set(e.failure ?? '?', (failures.get(e.failure ?? '?') ?? 0) + 1);
  return {
    sent: ledger.sent,
    acknowledged: ledger.acknowledged,
    committed: committed.size,
    found,
    lost: ledger.acknowledged - found,
    committedUnacknowledged: ledger.edits
      .filter((e) => !e.acknowledged && isCommitted(e))
      .map(
        (e) =>
          `${e.name} answered ${e.failure ?? '?'} after ${(e.ms / 1000).toFixed(1)} s, ` +
          `committed ${(((committedAt.get(e.name) ?? NaN) - e.sentAt) / 1000).toFixed(1)} s after it was sent`,
      ),
    committedAfterTimeout: ledger.edits.filter((e) => e.failure === 'TIMEOUT' && isCommitted(e)).map((e) => e.name),
    problems,
    failures: [...failures].map(([failure, n]) => `${failure} ×${String(n)}`).join(', '),
  };
}

function print(what: string, report: Report, seconds: number): void {
  log(
    `${what}: sent ${String(report.sent)}, acknowledged ${String(report.acknowledged)}, committed ${String(report.committed)}, ` +
      `found ${String(report.found)}, lost ${String(report.lost)} (${seconds.toFixed(0)} s; load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' / ')})`,
  );
  log(`${what}: not acknowledged: ${report.failures || 'none'}`);
  if (report.committedUnacknowledged.length > 0)
    log(`${what}: committed though not acknowledged: ${report.committedUnacknowledged.join('; ')}`);
  for (const problem of report.problems) log(`${what}: PROBLEM ${problem}`);
}

describe('crash drills (issue 12)', () => {
  it('keeps every acknowledged edit and its audit record when Neo4j is killed with SIGKILL mid-load (issue 12)', async () => {
    const started = performance.now();
    let db = connect();
    const before = await snapshot(db);
    await db.close();
    const ledger = await drill(
      'CrashNeo',
      async () => {
        const pid = neo.pid as number;
        process.kill(pid, 'SIGKILL');
        await until('the killed JVM to go', () => !alive(pid));
      },
      async () => {
        // Same home, same port; this process held the home's lock, so the new start takes it over.
        neo = await startNeo4j();
        await until('the API to find Neo4j again', healthy);
      },
    );
    db = connect();
    try {
      const report = await check(db, ledger, before);
      print('kill Neo4j', report, (performance.now() - started) / 1000);
      expect(report.sent).toBeGreaterThanOrEqual(100);
      // The kill came mid-load: some edits failed, and edits after the restart went through.
      expect(report.acknowledged).toBeLessThan(report.sent);
      expect(ledger.edits.slice(-20).some((e) => e.acknowledged)).toBe(true);
      expect(report.problems).toEqual([]);
      expect(report.lost).toBe(0);
      expect(report.committedAfterTimeout).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('keeps every acknowledged edit and its audit record when the API process is killed with SIGKILL mid-load (issue 12)', async () => {
    const started = performance.now();
    const db = connect();
    try {
      const before = await snapshot(db);
      const ledger = await drill('CrashApi', killApi, startApi);
      const report = await check(db, ledger, before);
      print('kill API', report, (performance.now() - started) / 1000);
      expect(report.sent).toBeGreaterThanOrEqual(100);
      expect(report.acknowledged).toBeLessThan(report.sent);
      expect(ledger.edits.slice(-20).some((e) => e.acknowledged)).toBe(true);
      expect(report.problems).toEqual([]);
      expect(report.lost).toBe(0);
      expect(report.committedAfterTimeout).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
