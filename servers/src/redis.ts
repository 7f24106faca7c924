import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readlinkSync, realpathSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { acquireLock, isAlive } from '../lock.mjs';
import type { Profile } from './neo4j/local.js';
import { stateDir } from './paths.js';
import { freePort } from './ports.js';
import { stopPid, stopProcess, tail } from './processes.js';
import { redisSettings, type RedisSettings } from './settings.js';

/**
 * Redis as Wijkkring uses it: only the bus that carries live circle updates between API instances
 * (issue 12). Nothing is stored in it, so it runs without persistence and a restart loses nothing
 * but the events of that moment (subscribers read the circle fresh at every event).
 */
export interface RunningRedis {
  url: string;
  /** `local` (started here from redis-server on the PATH) or `uri` (REDIS_URL). */
  kind: 'local' | 'uri';
  pid?: number;
  home?: string;
  stop(): Promise<void>;
}

export interface RedisOptions {
  log?: (line: string) => void;
  /** A home of its own (tests use a temporary folder); .wijkkring/redis/<profile> when unset. */
  home?: string;
  profile?: Profile;
  /** A fixed port (a test restarting Redis where its clients expect it); a free one when unset. */
  port?: number;
  settings?: RedisSettings;
}

const MISSING = 'redis-server was not found: install redis-server (Debian: apt-get install redis-server) or set REDIS_URL.';

/** Where a profile's Redis keeps its lock and log: .wijkkring/redis/<profile>. */
export function redisHome(profile: Profile): string {
  return join(stateDir(), 'redis', profile);
}

/** True when something on host:port answers a Redis PING. Plain RESP over TCP: no client library needed. */
export function redisAnswers(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

/** True if `pid` is a redis-server started for this home: Redis runs in its `dir`, which is the home. */
function isOurRedis(pid: number, home: string): boolean {
  try {
    return readlinkSync(`/proc/${String(pid)}/cwd`) === realpathSync(home);
  } catch {
    return false;
  }
}

async function waitForPing(port: number, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  for (;;) {
    if (exited !== null) throw new Error(`redis-server stopped while starting (exit ${String(exited)}):\n${tail(logFile, 10)}`);
    if (await redisAnswers(port)) return;
    if (Date.now() > deadline)
      throw new Error(`redis-server did not answer within ${String(timeoutMs / 1000)} s.\n${tail(logFile, 10)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts redis-server from the PATH on a free loopback port, without persistence, holding the home's lock. */
async function startLocalRedis(
  home: string,
  fixedPort: number | undefined,
  settings: RedisSettings,
  log: (line: string) => void,
): Promise<RunningRedis> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).error) throw new Error(MISSING);
  mkdirSync(home, { recursive: true });
  const { lock, stale } = acquireLock(join(home, 'wijkkring.lock'), `The Redis home ${home}`);
  try {
    // A redis-server left by a process that died: stopped, so that every start is a clean one.
    if (stale?.childPid && isAlive(stale.childPid) && isOurRedis(stale.childPid, home)) await stopPid(stale.childPid, 10_000);
    const port = fixedPort ?? (await freePort());
    const logFile = join(home, 'redis.log');
    const child = spawn(
      'redis-server',
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(port),
        // Only a bus: no snapshots, no append-only file.
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        home,
        '--logfile',
        logFile,
        '--daemonize',
        'no',
      ],
      // Own process group: Ctrl-C reaches `npm start`, which stops Redis after the API servers.
      { cwd: home, detached: true, stdio: 'ignore' },
    );
    if (child.pid === undefined) throw new Error(MISSING);
    lock.recordChild(child.pid);
    try {
      await waitForPing(port, child, settings.WIJKKRING_REDIS_START_TIMEOUT_MS, logFile);
    } catch (error) {
      await stopProcess(child, 2_000);
      throw error;
    }
    log(`Redis (local) antwoordt op 127.0.0.1:${String(port)} (live-updates tussen instanties).`);
    let stopping: Promise<void> | undefined;
    return {
      url: `redis://127.0.0.1:${String(port)}`,
      kind: 'local',
      pid: child.pid,
      home,
      stop: () => {
        stopping ??= stopProcess(child, 10_000).finally(() => lock.release());
        return stopping;
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * The Redis for the live-update bus: REDIS_URL when set (nothing is started, stop() does nothing);
 * otherwise redis-server from the PATH, started for this profile or home.
 */
export async function provideRedis({
  log = console.log,
  home,
  profile = 'dev',
  port,
  settings = redisSettings(),
}: RedisOptions = {}): Promise<RunningRedis> {
  if (settings.REDIS_URL) return { url: settings.REDIS_URL, kind: 'uri', stop: () => Promise.resolve() };
  return startLocalRedis(home ?? redisHome(profile), port, settings, log);
}
