import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export class AlreadyRunningError extends Error {
  readonly pid: number;
  constructor(pid: number, what: string) {
    super(`${what} is already in use by process ${String(pid)}. Stop that one first (Ctrl-C in its terminal).`);
    this.name = 'AlreadyRunningError';
    this.pid = pid;
  }
}

interface LockFile {
  pid: number;
  childPid: number | null;
}

export interface Lock {
  recordChild(pid: number): void;
  release(): void;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * One process per Neo4j home. A second `npm start` finds the lock of a live process and refuses;
 * a lock left by a process that died is taken over, after stopping the Neo4j it left behind.
 */
export async function acquireLock(file: string, home: string): Promise<Lock> {
  if (existsSync(file)) {
    let previous: LockFile | undefined;
    try {
      previous = JSON.parse(readFileSync(file, 'utf8')) as LockFile;
    } catch {
      previous = undefined;
    }
    if (previous && previous.pid !== process.pid && isAlive(previous.pid)) {
      throw new AlreadyRunningError(previous.pid, `The Neo4j home ${home}`);
    }
    if (previous?.childPid && isAlive(previous.childPid) && isOurNeo4j(previous.childPid, home)) {
      process.kill(previous.childPid, 'SIGTERM');
      await waitForExit(previous.childPid, 60_000);
    }
    rmSync(file, { force: true });
  }
  const state: LockFile = { pid: process.pid, childPid: null };
  try {
    writeFileSync(file, JSON.stringify(state), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AlreadyRunningError(-1, `The Neo4j home ${home}`);
    }
    throw error;
  }
  return {
    recordChild(pid) {
      state.childPid = pid;
      writeFileSync(file, JSON.stringify(state));
    },
    release() {
      try {
        const current = JSON.parse(readFileSync(file, 'utf8')) as LockFile;
        if (current.pid === process.pid) rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}
