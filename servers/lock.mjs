// The one "already running" lock of Wijkkring (issue 12): `npm start`, each Neo4j home and each Redis
// home take one. Plain JavaScript on purpose: scripts/wk.mjs checks the start lock before anything is
// installed or built, and the TypeScript of this package imports the same file.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export class AlreadyRunningError extends Error {
  constructor(pid, what) {
    super(`${what} is already in use by process ${String(pid)}. Stop that one first (Ctrl-C in its terminal).`);
    this.name = 'AlreadyRunningError';
    this.pid = pid;
  }
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function readState(file) {
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8'));
    return typeof state?.pid === 'number' ? { pid: state.pid, childPid: state.childPid ?? null } : undefined;
  } catch {
    return undefined;
  }
}

/** The live process (other than this one) that holds the lock, if any. */
export function lockHolder(file) {
  const state = readState(file);
  return state && state.pid !== process.pid && isAlive(state.pid) ? state : undefined;
}

/**
 * Takes the lock, or throws AlreadyRunningError when a live process holds it. A lock left by a
 * process that died is taken over; its state comes back as `stale`, so the caller can stop a child
 * (a Neo4j JVM, a redis-server) that the dead process left behind.
 */
export function acquireLock(file, what) {
  const holder = lockHolder(file);
  if (holder) throw new AlreadyRunningError(holder.pid, what);
  const stale = readState(file);
  rmSync(file, { force: true });
  const state = { pid: process.pid, childPid: null };
  try {
    writeFileSync(file, JSON.stringify(state), { flag: 'wx' });
  } catch (error) {
    if (error.code === 'EEXIST') throw new AlreadyRunningError(-1, what);
    throw error;
  }
  const lock = {
    recordChild(pid) {
      state.childPid = pid;
      writeFileSync(file, JSON.stringify(state));
    },
    release() {
      if (readState(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
  return { lock, stale };
}
