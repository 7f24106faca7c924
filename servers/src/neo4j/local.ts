import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { neo4jAnswers } from '@wijkkring/graph';
import { acquireLock, isAlive } from '../../lock.mjs';
import { repoRoot, stateDir } from '../paths.js';
import { freePort } from '../ports.js';
import { stopPid, stopProcess, tail } from '../processes.js';
import { childProcessEnv, type Neo4jSettings } from '../settings.js';

/** Must match servers/neo4j/pom.xml and the image tag in docker-compose.yml. */
export const NEO4J_VERSION = '5.26.30';

export type Profile = 'dev' | 'test' | 'bench';

/** 0 means: pick a free port at every start. */
const DEFAULT_BOLT_PORT: Record<Profile, number> = { dev: 7687, test: 0, bench: 0 };

export interface RunningNeo4j {
  uri: string;
  user: string;
  password: string;
  /** `local`, `docker`, `testcontainers` or `uri`: how this database was found or started. */
  kind: string;
  /** Process id of the JVM for a local server (to measure its memory, or to kill it in a crash drill). */
  pid?: number;
  /** The home folder of a local server (store, logs, credentials). */
  home?: string;
  stop(): Promise<void>;
}

export interface LocalOptions {
  profile: Profile;
  settings: Neo4jSettings;
  log: (line: string) => void;
  /** A home of its own (crash and restore drills); .wijkkring/neo4j/<profile> when unset. */
  home?: string;
}

/** Where a profile's database lives: .wijkkring/neo4j/<profile>. */
export function neo4jHome(profile: Profile): string {
  return join(stateDir(), 'neo4j', profile);
}

/** The jars: fetched once from Maven Central into .wijkkring/neo4j-<version>/lib. */
export function ensureJars(log: (line: string) => void): string {
  const dir = join(stateDir(), `neo4j-${NEO4J_VERSION}`);
  const lib = join(dir, 'lib');
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return lib;
  log(`Neo4j ${NEO4J_VERSION} ophalen van Maven Central (eenmalig, ongeveer 125 MB) ...`);
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(lib, { recursive: true });
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      join(repoRoot(), 'servers', 'neo4j', 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${lib}`,
      '-DincludeScope=runtime',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.error) throw new Error(`Could not run Maven (mvn): ${result.error.message}. Install Java 17 and Maven.`);
  if (result.status !== 0) throw new Error(`Maven could not fetch Neo4j ${NEO4J_VERSION} (exit ${String(result.status)}).`);
  const count = readdirSync(lib).filter((file) => file.endsWith('.jar')).length;
  if (count < 50) throw new Error(`Maven fetched only ${String(count)} jars for Neo4j; expected about 200.`);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return lib;
}

function javaBinary(javaHome: string | undefined): string {
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

function checkJava(java: string): void {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) throw new Error('Java 17 is needed to run Neo4j locally, and `java` was not found.');
  const match = /version "(\d+)/.exec(result.stderr);
  const major = Number(match?.[1] ?? 0);
  if (major < 17) throw new Error(`Neo4j ${NEO4J_VERSION} needs Java 17 or newer; found ${match?.[1] ?? 'unknown'}.`);
}

function neo4jConf(boltPort: number, settings: Neo4jSettings): string {
  return [
    '# Written by Wijkkring at every start; edit servers/src/neo4j/local.ts instead.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${String(boltPort)}`,
    'server.bolt.advertised_address=127.0.0.1',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.usage_report.enabled=false',
    `server.memory.pagecache.size=${settings.WIJKKRING_NEO4J_PAGECACHE}`,
    // Bounded so that one runaway query cannot take the whole heap.
    'dbms.memory.transaction.total.max=256m',
    'db.tx_log.rotation.retention_policy=256M size',
    // Bolt's network layer waits a 5 s "quiet period" twice on stop, after the databases closed; a
    // stop (and so a backup's downtime, issue 12) is 10 s shorter without it. Connections are gone by then.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    'server.directories.logs=logs',
    'server.directories.run=run',
    '',
  ].join('\n');
}

/** JVM flags the neo4j launcher would add; we start the JVM ourselves, so we add them here. */
function jvmArgs(settings: Neo4jSettings, lib: string, home: string, conf: string): string[] {
  return [
    `-Xms${settings.WIJKKRING_NEO4J_HEAP}`,
    `-Xmx${settings.WIJKKRING_NEO4J_HEAP}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    // As Neo4j's own neo4j.conf does: the whole initial heap is committed at start, so the JVM's
    // resident memory does not creep up over the first minutes of load (the soak run measures it).
    '-XX:+AlwaysPreTouch',
    '-XX:MaxDirectMemorySize=128m',
    '-XX:ReservedCodeCacheSize=96m',
    '-Xss512k',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    `-Dwijkkring.home=${home}`,
    '-cp',
    `${lib}/*`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${home}`,
    `--config-dir=${conf}`,
  ];
}

interface Credentials {
  user: string;
  password: string;
}

function ensureCredentials(java: string, home: string, conf: string, lib: string): Credentials {
  const file = join(home, 'credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  // The password is set before the very first start, as neo4j-admin would; it stays on this machine.
  // Starts with a letter: a password beginning with '-' would be read as an option by neo4j-admin.
  const credentials: Credentials = { user: 'neo4j', password: `wk${randomBytes(18).toString('hex')}` };
  const result = spawnSync(
    java,
    ['-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', credentials.password],
    { env: childProcessEnv({ NEO4J_HOME: home, NEO4J_CONF: conf }), encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`Could not set the Neo4j password: ${result.stderr || result.stdout}`);
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function waitForBolt(
  uri: string,
  credentials: Credentials,
  child: ChildProcess,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  for (;;) {
    if (exited !== null) {
      throw new Error(`Neo4j stopped while starting (exit ${String(exited)}). Last log lines:\n${tail(logFile, 15)}`);
    }
    if (await neo4jAnswers({ uri, ...credentials })) return;
    if (Date.now() > deadline)
      throw new Error(`Neo4j did not answer within ${String(timeoutMs / 1000)} s.\n${tail(logFile, 15)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** True if `pid` is a JVM we started for this home (so we never signal an unrelated process). */
function isOurNeo4j(pid: number, home: string): boolean {
  try {
    return readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8').includes(`-Dwijkkring.home=${home}`);
  } catch {
    return false;
  }
}

/**
 * Starts Neo4j Community from the Maven Central jars, listening on loopback only, with a
 * project-local home (.wijkkring/neo4j/<profile>) whose data survives restarts.
 */
export async function startLocalNeo4j({
  profile,
  settings,
  log,
  home = neo4jHome(profile),
}: LocalOptions): Promise<RunningNeo4j> {
  const java = javaBinary(settings.JAVA_HOME);
  checkJava(java);
  const lib = ensureJars(log);
  const conf = join(home, 'conf');
  mkdirSync(conf, { recursive: true });
  const { lock, stale } = acquireLock(join(home, 'wijkkring.lock'), `The Neo4j home ${home}`);
  try {
    // A Neo4j left running by a process that died: stopped first, so two JVMs never share a store.
    if (stale?.childPid && isAlive(stale.childPid) && isOurNeo4j(stale.childPid, home)) await stopPid(stale.childPid, 60_000);
    const boltPort = settings.WIJKKRING_NEO4J_BOLT_PORT ?? (DEFAULT_BOLT_PORT[profile] || (await freePort()));
    writeFileSync(join(conf, 'neo4j.conf'), neo4jConf(boltPort, settings));
    const credentials = ensureCredentials(java, home, conf, lib);
    const logFile = join(home, 'logs', 'neo4j.log');
    const child = spawn(java, jvmArgs(settings, lib, home, conf), {
      // Own process group: Ctrl-C reaches us, and we stop Neo4j after the API has stopped.
      detached: true,
      stdio: 'ignore',
    });
    if (child.pid === undefined) throw new Error('Could not start the Java process for Neo4j.');
    lock.recordChild(child.pid);
    const uri = `bolt://127.0.0.1:${String(boltPort)}`;
    try {
      await waitForBolt(uri, credentials, child, settings.WIJKKRING_NEO4J_START_TIMEOUT_MS, logFile);
    } catch (error) {
      await stopProcess(child, 10_000);
      throw error;
    }
    let stopping: Promise<void> | undefined;
    return {
      uri,
      ...credentials,
      kind: 'local',
      pid: child.pid,
      home,
      stop: () => {
        stopping ??= stopProcess(child, 60_000).finally(() => lock.release());
        return stopping;
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
