import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cp } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { auditHead, contentChecksum, Database, serverInfo, verifyAuditChain, type ContentSummary } from '@wijkkring/graph';
import { z } from 'zod';
import { acquireLock, isAlive, lockHolder } from '../../lock.mjs';
import { stateDir } from '../paths.js';
import { childProcessEnv, neo4jSettings, type Neo4jSettings } from '../settings.js';
import { ensureJars, NEO4J_VERSION, neo4jHome, startLocalNeo4j, type RunningNeo4j } from './local.js';

/*
 * Backups of a local Neo4j home (issue 12). Neo4j Community dumps offline only: a stopped home is
 * dumped as it is; a running one is stopped, its store files copied, started again, and the copy
 * dumped (see "A backup while `npm start` runs" below). A backup is a folder, not one archive: the
 * dumps are already compressed, Neo4j loads them straight from a folder (`--from-path`), the
 * manifest can be read without unpacking, and rsync/restic copy it as it is (tar it to send it as
 * one file). Every backup is proven by a restore before it counts: the dumps are loaded into a
 * scratch home, consistency-checked, started, and the manifest's counts, content checksum and audit
 * chain head are taken there, from exactly what the dump holds. Taking them from the source just
 * before the stop would race the running API, which may write in between.
 */

const DATABASES = ['neo4j', 'system'] as const;
const MANIFEST = 'manifest.json';
/** The restored `system` database keeps the source's password, so the backup carries it (see docs/OPERATIONS.md). */
const CREDENTIALS = 'credentials.json';
const FORMAT = 'wijkkring-backup/1';
/** Page cache and caches of the consistency checker; its default is 90% of free memory. */
const CHECK_OFF_HEAP = '512m';
const BACKUP_PREFIX = 'wijkkring-backup-';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const fileSchema = z.object({
  name: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const headSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string() }).nullable();
const contentSchema = z.object({
  nodes: z.number().int().nonnegative(),
  relationships: z.number().int().nonnegative(),
  labels: z.record(z.string(), z.number().int()),
  types: z.record(z.string(), z.number().int()),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});
const manifestSchema = z.object({
  format: z.literal(FORMAT),
  createdAt: z.string(),
  neo4jVersion: z.string(),
  source: z.object({ home: z.string(), host: z.string(), live: z.boolean() }),
  files: z.array(fileSchema),
  content: contentSchema,
  auditHead: headSchema,
  auditChecked: z.number().int().nonnegative(),
  consistencyCheck: z.literal('passed'),
  timings: z.record(z.string(), z.number()),
});

export type BackupFile = z.infer<typeof fileSchema>;
export type BackupManifest = z.infer<typeof manifestSchema>;

/** What a running database holds: the manifest's figures, and what a restore is compared with. */
export interface DatabaseSummary {
  neo4jVersion: string;
  content: ContentSummary;
  auditHead: { seq: number; hash: string } | null;
  /** Audit records verified (hash chain intact); a broken chain throws instead. */
  auditChecked: number;
}

export interface DumpResult {
  dir: string;
  createdAt: string;
  files: BackupFile[];
  timings: { dumpMs: number } & Record<string, number>;
}

interface ToolOptions {
  settings?: Neo4jSettings;
  log?: (line: string) => void;
}

const quiet = (): void => undefined;

function javaBinary(settings: Neo4jSettings): string {
  return settings.JAVA_HOME ? join(settings.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Runs neo4j-admin on a home; asynchronously, so a running API keeps answering meanwhile. */
async function adminTool(home: string, args: string[], settings: Neo4jSettings, log: (line: string) => void): Promise<string> {
  const lib = ensureJars(log);
  const conf = join(home, 'conf');
  mkdirSync(conf, { recursive: true });
  const child = spawn(
    javaBinary(settings),
    [`-Xmx${settings.WIJKKRING_NEO4J_HEAP}`, '-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', ...args],
    { env: childProcessEnv({ NEO4J_HOME: home, NEO4J_CONF: conf }), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0)));
  });
  if (code !== 0) {
    const tail = output.trim().split('\n').slice(-12).join('\n');
    throw new BackupError(`neo4j-admin ${args.slice(0, 2).join(' ')} failed (exit ${String(code)}):\n${tail}`);
  }
  return output;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function describeFile(dir: string, name: string): Promise<BackupFile> {
  const path = join(dir, name);
  return { name, bytes: statSync(path).size, sha256: await sha256File(path) };
}

function since(start: number): number {
  return Math.round(performance.now() - start);
}

/** `wijkkring-backup-20261130T201231Z`: sorts by time, safe in every file system. */
export function backupName(at: Date = new Date()): string {
  return `${BACKUP_PREFIX}${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

function homeLock(home: string): ReturnType<typeof acquireLock>['lock'] {
  return acquireLock(join(home, 'wijkkring.lock'), `The Neo4j home ${home}`).lock;
}

/**
 * Dumps `neo4j` and `system` of a home whose Neo4j is stopped into `dir` (created, must not exist),
 * with the home's credentials. Holds the home's lock meanwhile, so nothing starts Neo4j on it.
 */
export async function dumpHome({
  home,
  dir,
  settings = neo4jSettings(),
  log = quiet,
}: { home: string; dir: string } & ToolOptions): Promise<DumpResult> {
  if (!existsSync(join(home, 'data', 'databases', 'neo4j'))) throw new BackupError(`There is no Neo4j database in ${home}.`);
  const lock = homeLock(home);
  try {
    if (existsSync(dir)) throw new BackupError(`${dir} exists already; a backup never overwrites one.`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const createdAt = new Date().toISOString();
    const start = performance.now();
    // Both databases in one run of the tool: one JVM start instead of two.
    await adminTool(home, ['database', 'dump', '*', `--to-path=${dir}`], settings, log);
    copyFileSync(join(home, CREDENTIALS), join(dir, CREDENTIALS));
    // Personal data: readable by this user only.
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o600);
    const dumpMs = since(start);
    const files = await Promise.all([...DATABASES.map((d) => `${d}.dump`), CREDENTIALS].map((name) => describeFile(dir, name)));
    return { dir, createdAt, files, timings: { dumpMs } };
  } finally {
    lock.release();
  }
}

/** Every file is there, as long and with the SHA-256 the manifest says; a damaged or cut-off dump is refused before Neo4j sees it. */
export async function verifyBackupFiles(dir: string, files: readonly BackupFile[]): Promise<void> {
  // The load takes every dump in the folder: each must be one the manifest vouches for.
  const listed = new Set(files.map((file) => file.name));
  const present = readdirSync(dir).filter((name) => name.endsWith('.dump'));
  for (const name of [...DATABASES.map((d) => `${d}.dump`), CREDENTIALS, ...present]) {
    if (!listed.has(name)) throw new BackupError(`The manifest of ${dir} does not list ${name}; refusing to restore it.`);
  }
  for (const file of files) {
    const path = join(dir, file.name);
    if (!existsSync(path)) throw new BackupError(`${file.name} is missing from the backup ${dir}.`);
    const bytes = statSync(path).size;
    const sha256 = await sha256File(path);
    if (bytes !== file.bytes || sha256 !== file.sha256) {
      throw new BackupError(
        `${file.name} in ${dir} is damaged or incomplete: SHA-256 ${sha256} (${String(bytes)} bytes), the manifest says ` +
          `${file.sha256} (${String(file.bytes)} bytes). Nothing was restored; use another backup.`,
      );
    }
  }
}

/** A finished backup's manifest; a folder without one is an unfinished or failed backup. */
export function readManifest(dir: string): BackupManifest {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) throw new BackupError(`${dir} has no ${MANIFEST}: not a finished Wijkkring backup.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new BackupError(`${path} is not valid JSON.`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new BackupError(`${path} is not a Wijkkring backup manifest (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  return parsed.data;
}

/**
 * Loads a backup into a clean home (no database in it yet) and runs Neo4j's consistency check on
 * both databases. The files are checked against `files` (the manifest's, when not given) first.
 */
export async function loadBackup({
  from,
  home,
  files,
  settings = neo4jSettings(),
  log = quiet,
}: { from: string; home: string; files?: readonly BackupFile[] } & ToolOptions): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  let started = performance.now();
  await verifyBackupFiles(from, files ?? readManifest(from).files);
  timings.verifyFilesMs = since(started);
  if (existsSync(join(home, 'data', 'databases')))
    throw new BackupError(`${home} holds a database already; restore into a clean home.`);
  mkdirSync(join(home, 'conf'), { recursive: true });
  const lock = homeLock(home);
  try {
    started = performance.now();
    await adminTool(home, ['database', 'load', '*', `--from-path=${from}`, '--overwrite-destination=true'], settings, log);
    timings.loadMs = since(started);
    copyFileSync(join(from, CREDENTIALS), join(home, CREDENTIALS));
    chmodSync(join(home, CREDENTIALS), 0o600);
    started = performance.now();
    const reports = join(home, 'logs', 'consistency');
    mkdirSync(reports, { recursive: true });
    for (const database of DATABASES) {
      await adminTool(
        home,
        ['database', 'check', database, `--report-path=${reports}`, `--max-off-heap-memory=${CHECK_OFF_HEAP}`],
        settings,
        log,
      );
    }
    timings.checkMs = since(started);
  } finally {
    lock.release();
  }
  return timings;
}

/** Counts, content checksum and the audit chain (verified) of a running database. */
export async function summariseDatabase(db: Database): Promise<DatabaseSummary> {
  const info = await db.read((tx) => serverInfo(tx));
  // One transaction: the counts, the checksum and the head describe the same moment.
  const { content, head } = await db.read(async (tx) => ({ content: await contentChecksum(tx), head: await auditHead(tx) }));
  const chain = await verifyAuditChain(db);
  if (!chain.ok) {
    const broken = chain.broken;
    throw new BackupError(`The audit chain is broken at record ${String(broken?.seq)}: ${broken?.reason ?? 'unknown'}.`);
  }
  return {
    neo4jVersion: info.version,
    content,
    auditHead: head ? { seq: head.seq, hash: head.hash } : null,
    auditChecked: chain.checked,
  };
}

/** Starts a home's Neo4j on a free port, summarises it and stops it again. */
export async function summariseHome({
  home,
  settings = neo4jSettings(),
  log = quiet,
}: { home: string } & ToolOptions): Promise<{ summary: DatabaseSummary; startMs: number; summaryMs: number }> {
  let started = performance.now();
  const neo = await startLocalNeo4j({
    profile: 'test',
    settings: { ...settings, WIJKKRING_NEO4J_BOLT_PORT: undefined },
    log,
    home,
  });
  const startMs = since(started);
  const db = new Database(neo);
  try {
    started = performance.now();
    const summary = await summariseDatabase(db);
    return { summary, startMs, summaryMs: since(started) };
  } finally {
    await db.close();
    await neo.stop();
  }
}

/** Where two summaries differ, in words; empty when they agree. */
export function compareSummaries(
  expected: Omit<DatabaseSummary, 'neo4jVersion'>,
  actual: Omit<DatabaseSummary, 'neo4jVersion'>,
): string[] {
  const differences: string[] = [];
  const a = expected.content;
  const b = actual.content;
  if (a.nodes !== b.nodes) differences.push(`nodes: ${String(a.nodes)} expected, ${String(b.nodes)} found`);
  if (a.relationships !== b.relationships)
    differences.push(`relationships: ${String(a.relationships)} expected, ${String(b.relationships)} found`);
  for (const [kind, left, right] of [
    ['label', a.labels, b.labels],
    ['relationship type', a.types, b.types],
  ] as const) {
    for (const name of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (left[name] !== right[name])
        differences.push(`${kind} ${name}: ${String(left[name] ?? 0)} expected, ${String(right[name] ?? 0)} found`);
    }
  }
  if (a.checksum !== b.checksum) differences.push(`content checksum: ${a.checksum} expected, ${b.checksum} found`);
  const headText = (head: DatabaseSummary['auditHead']): string => (head ? `${String(head.seq)}/${head.hash}` : 'none');
  if (headText(expected.auditHead) !== headText(actual.auditHead)) {
    differences.push(`audit chain head: ${headText(expected.auditHead)} expected, ${headText(actual.auditHead)} found`);
  }
  return differences;
}

/**
 * Proves a dump by restoring it into a scratch home beside it (load, consistency check, start,
 * summary, audit chain), then writes the manifest. Until then the folder has no manifest and is
 * not a backup: a restore refuses it.
 */
export async function finishBackup({
  dump,
  source,
  settings = neo4jSettings(),
  log = quiet,
}: { dump: DumpResult; source: BackupManifest['source'] } & ToolOptions): Promise<BackupManifest> {
  const scratch = join(dump.dir, '.verify');
  rmSync(scratch, { recursive: true, force: true });
  const started = performance.now();
  try {
    const loadTimings = await loadBackup({ from: dump.dir, home: scratch, files: dump.files, settings, log });
    const { summary, startMs, summaryMs } = await summariseHome({ home: scratch, settings, log });
    const manifest: BackupManifest = {
      format: FORMAT,
      createdAt: dump.createdAt,
      neo4jVersion: summary.neo4jVersion,
      source,
      files: dump.files,
      content: summary.content,
      auditHead: summary.auditHead,
      auditChecked: summary.auditChecked,
      consistencyCheck: 'passed',
      // The proof's own figures apart from the backup's (whose startMs is the restart of a live Neo4j).
      timings: {
        ...dump.timings,
        proofLoadMs: loadTimings.loadMs ?? 0,
        proofCheckMs: loadTimings.checkMs ?? 0,
        proofStartMs: startMs,
        proofSummaryMs: summaryMs,
        proofMs: since(started),
      },
    };
    const path = join(dump.dir, MANIFEST);
    writeFileSync(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
    return manifest;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Backs up a home whose Neo4j is stopped: dump, then prove it by a restore. */
export async function backupStoppedHome({
  home,
  backupsDir,
  settings = neo4jSettings(),
  log = quiet,
}: { home: string; backupsDir: string } & ToolOptions): Promise<BackupManifest> {
  const dump = await dumpHome({ home, dir: join(backupsDir, backupName()), settings, log });
  return finishBackup({ dump, source: { home, host: hostname(), live: false }, settings, log });
}

export interface RestoreReport {
  manifest: BackupManifest;
  summary: DatabaseSummary;
  timings: Record<string, number>;
}

/**
 * Restores a backup into a clean home: checks the files against the manifest, loads both
 * databases, runs the consistency check, starts the home once and compares its counts, content
 * checksum and audit chain head with the manifest. Throws on any difference.
 */
export async function restoreBackup({
  from,
  home,
  settings = neo4jSettings(),
  log = quiet,
}: { from: string; home: string } & ToolOptions): Promise<RestoreReport> {
  const started = performance.now();
  const manifest = readManifest(from);
  if (manifest.neo4jVersion !== NEO4J_VERSION) {
    log(`backup made with Neo4j ${manifest.neo4jVersion}, restoring with ${NEO4J_VERSION}`);
  }
  const loadTimings = await loadBackup({ from, home, files: manifest.files, settings, log });
  const { summary, startMs, summaryMs } = await summariseHome({ home, settings, log });
  const differences = compareSummaries(manifest, summary);
  if (differences.length > 0) {
    throw new BackupError(`The restored database in ${home} differs from the backup's manifest:\n- ${differences.join('\n- ')}`);
  }
  return { manifest, summary, timings: { ...loadTimings, startMs, summaryMs, restoreMs: since(started) } };
}

// ---------------------------------------------------------------------------------------------
// A backup while `npm start` runs. That process owns Neo4j, so it does the stop-copy-start; a
// `npm run backup` in another terminal asks it with a request file and SIGUSR2, waits for the
// result file, and dumps the copy itself. Neo4j is down only for the stop, the file copy of the
// stopped store and the start; the dump (a JVM of its own, compressing every page) runs after
// Neo4j is back. The API stays up and answers DATABASE_UNAVAILABLE while Neo4j is down.

const LISTENER = 'listener.json';
const requestSchema = z.object({ id: z.uuid(), dir: z.string().min(1), pid: z.number().int() });
const resultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
  /** The copy of the stopped home (data and credentials) to dump from. */
  copy: z.string().optional(),
  /** When Neo4j stopped: the moment the backup shows. */
  at: z.string().optional(),
  home: z.string().optional(),
  timings: z.record(z.string(), z.number()).optional(),
});
type BackupRequest = z.infer<typeof requestSchema>;
type BackupResult = z.infer<typeof resultSchema>;

/** Requests, results and the listener mark of the running app: .wijkkring/backups. */
export function backupsDir(): string {
  return join(stateDir(), 'backups');
}

function writeAtomically(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(value), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface BackupListener {
  /** Stops listening; waits for a backup under way (so the caller stops the restarted Neo4j, not the old one). */
  close(): Promise<void>;
}

/**
 * For the process that owns a local Neo4j (`npm start`): on SIGUSR2, takes each pending request,
 * stops Neo4j, copies the stopped store beside the backup, starts Neo4j again on the same port and
 * writes the result. `current` gives the running server; `restarted` hands over the new one. Marks
 * itself in listener.json, so a backup command never sends SIGUSR2 to a process without this
 * handler (the signal would end it).
 */
export function listenForBackupRequests({
  current,
  restarted,
  dir = backupsDir(),
  settings = neo4jSettings(),
  log = quiet,
}: {
  current: () => RunningNeo4j;
  restarted: (neo: RunningNeo4j) => void;
  dir?: string;
} & ToolOptions): BackupListener {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let work: Promise<void> = Promise.resolve();
  let closed = false;

  const answer = async (request: BackupRequest): Promise<BackupResult> => {
    const neo = current();
    if (neo.kind !== 'local' || !neo.home) {
      return { id: request.id, ok: false, error: `Neo4j here is not a local server (${neo.kind}); see docs/OPERATIONS.md.` };
    }
    const home = neo.home;
    const port = Number(new URL(neo.uri.replace(/^bolt:/, 'http:')).port);
    const copy = `${request.dir}.store`;
    log('backup: Neo4j even uit voor een kopie / stopping Neo4j to copy its store');
    const start = performance.now();
    await neo.stop();
    const at = new Date().toISOString();
    const stopMs = since(start);
    const copied = performance.now();
    let failure: string | undefined;
    try {
      mkdirSync(copy, { recursive: true, mode: 0o700 });
      // Asynchronous, so the API keeps answering meanwhile.
      await cp(join(home, 'data'), join(copy, 'data'), { recursive: true });
      copyFileSync(join(home, CREDENTIALS), join(copy, CREDENTIALS));
    } catch (error) {
      failure = message(error);
      rmSync(copy, { recursive: true, force: true });
    }
    const copyMs = since(copied);
    const restart = performance.now();
    // Same home, same port: the API's driver finds it again by itself.
    const next = await startLocalNeo4j({ profile: 'dev', settings: { ...settings, WIJKKRING_NEO4J_BOLT_PORT: port }, log, home });
    restarted(next);
    const downtimeMs = since(start);
    log(`backup: Neo4j antwoordt weer na / answers again after ${(downtimeMs / 1000).toFixed(1)} s`);
    if (failure !== undefined) return { id: request.id, ok: false, error: `copying the store failed: ${failure}`, home };
    return { id: request.id, ok: true, copy, at, home, timings: { stopMs, copyMs, startMs: since(restart), downtimeMs } };
  };

  const drain = async (): Promise<void> => {
    const pending = readdirSync(dir)
      .filter((file) => /^request-.*\.json$/.test(file))
      .sort();
    for (const name of pending) {
      const path = join(dir, name);
      const parsed = requestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      rmSync(path, { force: true });
      if (!parsed.success || !isAlive(parsed.data.pid)) continue;
      let result: BackupResult;
      try {
        result = await answer(parsed.data);
      } catch (error) {
        log(`backup mislukt / failed: ${message(error)}`);
        result = { id: parsed.data.id, ok: false, error: message(error) };
      }
      writeAtomically(join(dir, `result-${parsed.data.id}.json`), result);
    }
  };

  const onSignal = (): void => {
    if (closed) return;
    work = work.then(drain).catch((error: unknown) => log(`backup requests: ${message(error)}`));
  };
  process.on('SIGUSR2', onSignal);
  writeAtomically(join(dir, LISTENER), { pid: process.pid });
  return {
    async close() {
      closed = true;
      process.off('SIGUSR2', onSignal);
      const mark = join(dir, LISTENER);
      try {
        if ((JSON.parse(readFileSync(mark, 'utf8')) as { pid?: number }).pid === process.pid) rmSync(mark, { force: true });
      } catch {
        // No mark, or not ours: nothing to remove.
      }
      await work;
    },
  };
}

/**
 * A backup of the running app's Neo4j (process `holderPid` owns it): asks it for a copy of the
 * stopped store, waits, and dumps the copy into `target`. The timings include the downtime.
 */
export async function liveBackup({
  holderPid,
  target,
  dir = backupsDir(),
  timeoutMs = 30 * 60_000,
  settings = neo4jSettings(),
  log = quiet,
}: {
  holderPid: number;
  target: string;
  dir?: string;
  timeoutMs?: number;
} & ToolOptions): Promise<{ dump: DumpResult; home: string }> {
  const mark = join(dir, LISTENER);
  const listener = existsSync(mark) ? (JSON.parse(readFileSync(mark, 'utf8')) as { pid?: number }).pid : undefined;
  if (listener !== holderPid) {
    throw new BackupError(
      `The running Wijkkring (process ${String(holderPid)}) does not take backup requests: it was started before ` +
        'backups existed. Stop it (Ctrl-C), run `npm run backup`, and start it again.',
    );
  }
  const id = randomUUID();
  const resultPath = join(dir, `result-${id}.json`);
  writeAtomically(join(dir, `request-${id}.json`), { id, dir: target, pid: process.pid });
  process.kill(holderPid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(resultPath)) {
    if (!isAlive(holderPid))
      throw new BackupError(`The running Wijkkring (process ${String(holderPid)}) stopped during the backup.`);
    if (Date.now() > deadline)
      throw new BackupError(`No answer from the running Wijkkring within ${String(timeoutMs / 60_000)} minutes.`);
    await new Promise((done) => setTimeout(done, 200));
  }
  const result = resultSchema.parse(JSON.parse(readFileSync(resultPath, 'utf8')));
  rmSync(resultPath, { force: true });
  if (!result.ok || !result.copy || !result.home)
    throw new BackupError(`The backup failed: ${result.error ?? 'no reason given'}`);
  try {
    const dump = await dumpHome({ home: result.copy, dir: target, settings, log });
    const createdAt = result.at ?? dump.createdAt;
    return { dump: { ...dump, createdAt, timings: { ...result.timings, ...dump.timings } }, home: result.home };
  } finally {
    rmSync(result.copy, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// `npm run backup` and `npm run restore -- FILE`.

const EXTERNAL =
  'NEO4J_URI is set: this Neo4j is not a home Wijkkring started, so Wijkkring cannot stop and dump it. ' +
  'See docs/OPERATIONS.md (for Docker: `docker compose stop neo4j && docker compose run --rm neo4j ' +
  "neo4j-admin database dump '*' --to-path=/backups`).";
const DOCKER =
  'WIJKKRING_NEO4J_MODE=docker: Neo4j runs in Docker; back it up with neo4j-admin inside the container ' +
  '(docs/OPERATIONS.md, section Docker).';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`;
}

function refuseExternal(settings: Neo4jSettings, log: (line: string) => void): boolean {
  if (settings.WIJKKRING_NEO4J_MODE === 'uri' || (settings.WIJKKRING_NEO4J_MODE === 'auto' && settings.NEO4J_URI)) {
    log(EXTERNAL);
    return true;
  }
  if (settings.WIJKKRING_NEO4J_MODE === 'docker') {
    log(DOCKER);
    return true;
  }
  return false;
}

function startLockHolder(): number | undefined {
  return lockHolder(join(stateDir(), 'start.lock'))?.pid;
}

function printManifest(manifest: BackupManifest, dir: string, log: (line: string) => void): void {
  const total = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  const t = manifest.timings;
  log(`backup: ${dir}`);
  log(
    `  bestanden / files: ${manifest.files.map((f) => `${f.name} ${size(f.bytes)}`).join(', ')} (samen / total ${size(total)})`,
  );
  log(
    `  dump ${seconds(t.dumpMs)}${t.downtimeMs === undefined ? ' (Wijkkring draaide niet / was not running)' : `, Neo4j onbereikbaar / down ${seconds(t.downtimeMs)} (stop ${seconds(t.stopMs)}, copy ${seconds(t.copyMs)}, start ${seconds(t.startMs)})`}`,
  );
  log(
    `  gecontroleerd door terugzetten / proven by a restore: ${seconds(t.proofMs)} (load ${seconds(t.proofLoadMs)}, consistency check ${seconds(t.proofCheckMs)}, start ${seconds(t.proofStartMs)}, compare ${seconds(t.proofSummaryMs)})`,
  );
  log(
    `  inhoud / content: ${String(manifest.content.nodes)} nodes, ${String(manifest.content.relationships)} relationships, ` +
      `checksum ${manifest.content.checksum.slice(0, 16)}…, audit head ${manifest.auditHead ? String(manifest.auditHead.seq) : 'none'} ` +
      `(${String(manifest.auditChecked)} records verified)`,
  );
}

/** `npm run backup [-- --to DIR]`; returns the exit code. */
export async function backupCommand(args: readonly string[], log: (line: string) => void): Promise<number> {
  const settings = neo4jSettings();
  let target = backupsDir();
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--to' && args[i + 1]) target = resolve(args[++i] ?? '');
    else {
      log('usage: npm run backup [-- --to DIR]');
      return 2;
    }
  }
  if (refuseExternal(settings, log)) return 1;
  mkdirSync(target, { recursive: true, mode: 0o700 });
  const holder = startLockHolder();
  try {
    let manifest: BackupManifest;
    if (holder !== undefined) {
      log(
        `Wijkkring draait (proces ${String(holder)}): Neo4j gaat even uit / Neo4j stops for a copy of its store, the API stays up`,
      );
      const { dump, home } = await liveBackup({ holderPid: holder, target: join(target, backupName()), settings, log });
      log(
        `dump klaar / done in ${seconds(dump.timings.dumpMs)}; Neo4j was ${seconds(dump.timings.downtimeMs)} onbereikbaar / down. Controleren door terugzetten / proving it by a restore ...`,
      );
      manifest = await finishBackup({ dump, source: { home, host: hostname(), live: true }, settings, log });
      printManifest(manifest, dump.dir, log);
    } else {
      const home = neo4jHome('dev');
      if (!existsSync(join(home, 'data', 'databases', 'neo4j'))) {
        log(`Geen lokale database in ${home} / no local database there. Neo4j in Docker: see docs/OPERATIONS.md.`);
        return 1;
      }
      const dump = await dumpHome({ home, dir: join(target, backupName()), settings, log });
      log(`dump klaar / done in ${seconds(dump.timings.dumpMs)}. Controleren door terugzetten / proving it by a restore ...`);
      manifest = await finishBackup({ dump, source: { home, host: hostname(), live: false }, settings, log });
      printManifest(manifest, dump.dir, log);
    }
    log(
      'Volgende stap / next: kopieer de map versleuteld naar een andere machine / copy it, encrypted, off this machine (docs/OPERATIONS.md).',
    );
    return 0;
  } catch (error) {
    log(`backup mislukt / failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/**
 * Nobody uses the home: no process holds its lock (an audit:verify, a seed), and no Neo4j left
 * running by a process that died. Then it may be moved aside.
 */
function homeIsFree(home: string, log: (line: string) => void): boolean {
  if (!existsSync(home)) return true;
  try {
    const { lock, stale } = acquireLock(join(home, 'wijkkring.lock'), `The Neo4j home ${home}`);
    lock.release();
    if (stale?.childPid && isAlive(stale.childPid)) {
      log(
        `Er draait nog een Neo4j (proces ${String(stale.childPid)}) op ${home} / one still runs there: npm run neo4j:stop first.`,
      );
      return false;
    }
    return true;
  } catch (error) {
    log(message(error));
    return false;
  }
}

/** `npm run restore -- FILE [--replace]`; returns the exit code. */
export async function restoreCommand(args: readonly string[], log: (line: string) => void): Promise<number> {
  const settings = neo4jSettings();
  const replace = args.includes('--replace');
  const paths = args.filter((arg) => arg !== '--replace');
  const [given] = paths;
  if (paths.length !== 1 || given === undefined || given.startsWith('--')) {
    log('usage: npm run restore -- BACKUP_FOLDER [--replace]');
    return 2;
  }
  if (refuseExternal(settings, log)) return 1;
  const from = basename(given) === MANIFEST ? dirname(resolve(given)) : resolve(given);
  const devHome = neo4jHome('dev');
  const holder = startLockHolder();
  if (replace && holder !== undefined) {
    log(`Wijkkring draait (proces ${String(holder)}); stop het eerst / stop it first (Ctrl-C), then restore with --replace.`);
    return 1;
  }
  if (replace && !homeIsFree(devHome, log)) return 1;
  const stamp = backupName().slice(BACKUP_PREFIX.length);
  const home = join(stateDir(), 'neo4j', `restored-${stamp}`);
  try {
    log(`terugzetten / restoring ${from} into ${home} ...`);
    const report = await restoreBackup({ from, home, settings, log });
    const t = report.timings;
    log(
      `teruggezet en gecontroleerd / restored and checked in ${seconds(t.restoreMs)} (files ${seconds(t.verifyFilesMs)}, ` +
        `load ${seconds(t.loadMs)}, consistency check ${seconds(t.checkMs)}, start ${seconds(t.startMs)}, compare ${seconds(t.summaryMs)})`,
    );
    log(
      `  ${String(report.summary.content.nodes)} nodes, ${String(report.summary.content.relationships)} relationships, checksum and ` +
        `audit head ${report.summary.auditHead ? String(report.summary.auditHead.seq) : 'none'} as in the backup of ${report.manifest.createdAt}; ` +
        `audit chain verified (${String(report.summary.auditChecked)} records)`,
    );
    if (!replace) {
      log(
        `De huidige database is niet aangeraakt / the dev database was not touched. The restored home is ${home} (delete it when done).`,
      );
      log(`Volgende stap / next: npm run restore -- ${given} --replace   (makes it the dev database; the old one is kept aside)`);
      return 0;
    }
    if (existsSync(devHome)) {
      if (!homeIsFree(devHome, log)) return 1;
      const aside = `${devHome}.before-restore-${stamp}`;
      renameSync(devHome, aside);
      log(`oude database bewaard / old dev database kept at ${aside}`);
    }
    renameSync(home, devHome);
    log(`${devHome} is nu de teruggezette database / is now the restored database.`);
    log('Volgende stap / next: npm start, then npm run audit:verify. Sessions in the backup are still valid until they expire.');
    return 0;
  } catch (error) {
    log(`terugzetten mislukt / restore failed: ${error instanceof Error ? error.message : String(error)}`);
    if (existsSync(home)) log(`(de halve database staat in / the partial home is left in ${home}; delete it when done)`);
    return 1;
  }
}
