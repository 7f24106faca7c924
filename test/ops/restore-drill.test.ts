import { cpSync, existsSync, mkdtempSync, openSync, closeSync, readSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnv, startServer, type RunningServer } from '@wijkkring/api';
import { auditHead, contentChecksum, Database, migrate, verifyAuditChain, type ContentSummary } from '@wijkkring/graph';
import { loadDemo, loadDemoAccounts, DEMO_PASSWORD } from '@wijkkring/seed';
import {
  BackupError,
  backupName,
  finishBackup,
  listenForBackupRequests,
  loadBackup,
  neo4jSettings,
  liveBackup,
  restoreBackup,
  startLocalNeo4j,
  type BackupListener,
  type BackupManifest,
  type DumpResult,
  type RunningNeo4j,
} from '@wijkkring/servers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, LOGIN } from '../support/api-client.js';

/**
 * The restore drill (issue 12): a Neo4j of this file's own with the demo data and audited activity
 * through the real API is backed up the way `npm run backup` does it while `npm start` runs (a
 * request file and SIGUSR2 to the process that owns Neo4j, here this one), restored into a fresh
 * home, consistency-checked, started, and compared with the source: counts, content checksum, audit
 * chain head, and an intact audit chain. A damaged dump must be refused.
 */

const log = (line: string): void => void process.stdout.write(`[restore-drill] ${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
// A free port for each start (the source keeps its port across the backup by itself).
const settings = { ...neo4jSettings(), WIJKKRING_NEO4J_BOLT_PORT: undefined };

interface Snapshot {
  content: ContentSummary;
  head: { seq: number; hash: string } | null;
  chainChecked: number;
}

async function snapshot(db: Database): Promise<Snapshot> {
  const content = await db.read((tx) => contentChecksum(tx));
  const head = await db.read((tx) => auditHead(tx));
  const chain = await verifyAuditChain(db);
  expect(chain.ok, JSON.stringify(chain.broken)).toBe(true);
  return { content, head: head ? { seq: head.seq, hash: head.hash } : null, chainChecked: chain.checked };
}

let root: string;
let neo: RunningNeo4j;
let db: Database;
let server: RunningServer;
let listener: BackupListener | undefined;
let source: Snapshot;
let dump: DumpResult;
let manifest: BackupManifest;
const timings: Record<string, number> = {};

const CIRCLE = `query ($id: ID!) { client(id: $id) { currentCircle { id version entries { id ring sector version } } } }`;
const MOVE = `mutation ($input: MoveCircleEntryInput!) { moveCircleEntry(input: $input) { entry { ring } } }`;
/** A read the API does not audit, so polling during the backup changes nothing in the database. */
const DISTRICTS = '{ districts(first: 1) { nodes { id } } }';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'wijkkring-restore-drill-'));
  neo = await startLocalNeo4j({ profile: 'test', settings, log: () => undefined, home: join(root, 'source') });
  db = new Database(neo);
  await migrate(db);
  await loadDemo(db);
  const env = loadEnv({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    WEB_DIST: '/nonexistent',
  });
  await loadDemoAccounts(db, env.secretKey);
  server = await startServer({ db, env });
});

afterAll(async () => {
  await listener?.close();
  await server?.close();
  await db?.close();
  await neo?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('backup and restore drill (issue 12)', () => {
  let mohamed: ApiSession;
  let watcher: ApiSession;

  it('has audited activity through the API before the backup (issue 12)', async () => {
    mohamed = new ApiSession(server);
    const login = await mohamed.graphql<{ login: { status: string } }>(LOGIN, {
      input: { username: 'mohamed', password: DEMO_PASSWORD },
    });
    expect(login.data?.login.status).toBe('SIGNED_IN');
    const viewer = await mohamed.graphql<{ viewer: { clientId: string } }>('{ viewer { clientId } }');
    const clientId = viewer.data?.viewer.clientId ?? '';
    const read = await mohamed.graphql<{
      client: {
        currentCircle: { id: string; version: number; entries: { id: string; ring: number; sector: string; version: number }[] };
      };
    }>(CIRCLE, { id: clientId });
    const circle = read.data?.client.currentCircle;
    const entry = circle?.entries[0];
    expect(entry, JSON.stringify(read.errors)).toBeDefined();
    if (!circle || !entry) return;
    const newRing = entry.ring === 1 ? 2 : 1;
    const moved = await mohamed.graphql<{ moveCircleEntry: { entry: { ring: number } } }>(MOVE, {
      input: {
        circleId: circle.id,
        entryId: entry.id,
        expectedVersion: entry.version,
        ring: newRing,
        sector: entry.sector,
      },
    });
    expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
    expect(moved.data?.moveCircleEntry.entry.ring).toBe(newRing);

    // Polling during the backup needs a session: a fresh one, so that the API does not slide its idle
    // timeout (a write, at most once a minute) between this snapshot and the stop.
    watcher = new ApiSession(server);
    const second = await watcher.graphql<{ login: { status: string } }>(LOGIN, {
      input: { username: 'mohamed', password: DEMO_PASSWORD },
    });
    expect(second.data?.login.status).toBe('SIGNED_IN');
    expect((await watcher.graphql(DISTRICTS)).errors).toBeUndefined();

    source = await snapshot(db);
    expect(source.head?.seq ?? 0).toBeGreaterThan(0);
    expect(source.content.nodes).toBeGreaterThan(100);
    log(
      `source: ${String(source.content.nodes)} nodes, ${String(source.content.relationships)} relationships, ` +
        `audit head ${String(source.head?.seq)}, checksum ${source.content.checksum}`,
    );
  });

  it('takes a backup while the API runs: it answers DATABASE_UNAVAILABLE while Neo4j is down and recovers by itself (issue 12)', async () => {
    const control = join(root, 'control');
    listener = listenForBackupRequests({
      current: () => neo,
      restarted: (next) => {
        neo = next;
      },
      dir: control,
      settings,
      log,
    });
    const seen: { at: number; code: string }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const response = await watcher.graphql(DISTRICTS);
        const code = response.errors?.[0]?.extensions?.code ?? (response.errors ? 'NO_CODE' : 'OK');
        seen.push({
          at: Date.now(),
          code: code === 'OK' || code === 'DATABASE_UNAVAILABLE' ? code : `${code} (${String(response.status)})`,
        });
        await sleep(100);
      }
    })();
    try {
      const live = await liveBackup({
        holderPid: process.pid,
        target: join(root, 'backups', backupName()),
        dir: control,
        settings,
        log,
      });
      dump = live.dump;
      // Neo4j answers Bolt again; the API must find it without help (the driver reconnects).
      const back = Date.now();
      const deadline = back + 60_000;
      while (!seen.some((s) => s.at > back && s.code === 'OK') && Date.now() < deadline) await sleep(100);
    } finally {
      polling = false;
      await poller;
    }
    const codes = new Set(seen.map((s) => s.code));
    log(
      `API answers during the backup: ${JSON.stringify(Object.fromEntries([...codes].map((c) => [c, seen.filter((s) => s.code === c).length])))}`,
    );
    expect(codes.has('DATABASE_UNAVAILABLE')).toBe(true);
    // A request that reached Neo4j just as it began to shut down may wait on its connection until the
    // request budget ends it (TIMEOUT, 503); anything else (INTERNAL, an answer without a code) is a bug.
    expect([...codes].filter((code) => !['OK', 'DATABASE_UNAVAILABLE', 'TIMEOUT (503)'].includes(code))).toEqual([]);
    expect(seen.at(-1)?.code).toBe('OK');
    expect(dump.files.map((f) => f.name).sort()).toEqual(['credentials.json', 'neo4j.dump', 'system.dump']);
    Object.assign(timings, dump.timings);

    log(`live backup timings: ${JSON.stringify(dump.timings)}`);
    // Polling is not audited: the restarted source's audit chain ends where it did.
    expect((await snapshot(db)).head).toEqual(source.head);
  });

  it('proves the backup by a restore and writes a manifest that matches the source (issue 12)', async () => {
    manifest = await finishBackup({ dump, source: { home: neo.home ?? '', host: 'drill', live: true }, settings, log });
    expect(existsSync(join(dump.dir, 'manifest.json'))).toBe(true);
    expect(existsSync(join(dump.dir, '.verify'))).toBe(false);
    expect(manifest.content).toEqual(source.content);
    expect(manifest.auditHead).toEqual(source.head);
    expect(manifest.auditChecked).toBe(source.chainChecked);
    expect(manifest.neo4jVersion).toMatch(/^5\.26\./);
    timings.proofMs = manifest.timings.proofMs ?? -1;
  });

  it('restores into a fresh home that passes the consistency check and equals the source (issue 12)', async () => {
    const home = join(root, 'restored');
    // As `npm run restore` does it: files against the manifest, load, consistency check, one start
    // compared with the manifest.
    const report = await restoreBackup({ from: dump.dir, home, settings, log });
    expect(report.summary.content.checksum).toBe(source.content.checksum);
    Object.assign(timings, {
      restoreLoadMs: report.timings.loadMs,
      restoreCheckMs: report.timings.checkMs,
      restoreStartMs: report.timings.startMs,
      restoreTotalMs: report.timings.restoreMs,
    });
    // Then compared here, independently, with the source as it was before the backup. The restored
    // home has the source's password (system database and credentials.json agree), or this start fails.
    const restored = await startLocalNeo4j({ profile: 'test', settings, log: () => undefined, home });
    const rdb = new Database(restored);
    try {
      const copy = await snapshot(rdb);
      expect(copy.content.nodes).toBe(source.content.nodes);
      expect(copy.content.relationships).toBe(source.content.relationships);
      expect(copy.content.labels).toEqual(source.content.labels);
      expect(copy.content.types).toEqual(source.content.types);
      expect(copy.content.checksum).toBe(source.content.checksum);
      expect(copy.head).toEqual(source.head);
      expect(copy.chainChecked).toBe(source.chainChecked);

      // The checksum sees a changed property, and does not see internal ids: a node deleted and
      // created again with the same labels and properties (a new id) leaves it as it was.
      await rdb.write((tx) => tx.run("MATCH (d:District) WITH d ORDER BY d.slug LIMIT 1 SET d.name = d.name + ' (drill)'"));
      expect((await rdb.read((tx) => contentChecksum(tx))).checksum).not.toBe(source.content.checksum);
      await rdb.write((tx) =>
        tx.run("MATCH (d:District) WHERE d.name ENDS WITH ' (drill)' SET d.name = substring(d.name, 0, size(d.name) - 8)"),
      );
      await rdb.write((tx) =>
        tx.run(
          `MATCH (m:Migration) WHERE NOT EXISTS { (m)--() } WITH m ORDER BY m.version LIMIT 1
           WITH m, properties(m) AS p DELETE m CREATE (n:Migration) SET n = p`,
        ),
      );
      expect((await rdb.read((tx) => contentChecksum(tx))).checksum).toBe(source.content.checksum);
    } finally {
      await rdb.close();
      await restored.stop();
    }
  });

  it('refuses a cut-off or damaged dump before loading it (issue 12)', async () => {
    const cut = join(root, 'cut');
    cpSync(dump.dir, cut, { recursive: true });
    const dumpFile = join(cut, 'neo4j.dump');
    const full = manifest.files.find((f) => f.name === 'neo4j.dump')?.bytes ?? 0;
    truncateSync(dumpFile, Math.floor(full / 2));
    const cutHome = join(root, 'from-cut');
    await expect(restoreBackup({ from: cut, home: cutHome, settings, log })).rejects.toThrow(
      /neo4j\.dump .* is damaged or incomplete: SHA-256 [0-9a-f]{64} .* the manifest says [0-9a-f]{64}/,
    );
    expect(existsSync(join(cutHome, 'data'))).toBe(false);

    // Same length, one byte different: refused by the hash, not the size.
    const flipped = join(root, 'flipped');
    cpSync(dump.dir, flipped, { recursive: true });
    const fd = openSync(join(flipped, 'neo4j.dump'), 'r+');
    try {
      const byte = Buffer.alloc(1);
      const at = Math.floor(full / 2);
      readSync(fd, byte, 0, 1, at);
      byte[0] = (byte[0] ?? 0) ^ 0xff;
      writeSync(fd, byte, 0, 1, at);
    } finally {
      closeSync(fd);
    }
    const error = await loadBackup({ from: flipped, home: join(root, 'from-flipped'), settings }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/neo4j\.dump .* damaged or incomplete/);
    expect(existsSync(join(root, 'from-flipped', 'data'))).toBe(false);

    const size = manifest.files.reduce((total, file) => total + file.bytes, 0);
    log(
      `figures (load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}): dump ${String(timings.dumpMs)} ms, downtime ${String(timings.downtimeMs)} ms ` +
        `(stop ${String(timings.stopMs)}, copy ${String(timings.copyMs)}, start ${String(timings.startMs)}), backup ${(size / 1024 / 1024).toFixed(1)} MB; ` +
        `proof by restore ${String(timings.proofMs)} ms; restore: load ${String(timings.restoreLoadMs)} ms, ` +
        `check ${String(timings.restoreCheckMs)} ms, start ${String(timings.restoreStartMs)} ms, all ${String(timings.restoreTotalMs)} ms`,
    );
  });
});
