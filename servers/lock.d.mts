export declare class AlreadyRunningError extends Error {
  readonly pid: number;
  constructor(pid: number, what: string);
}

export interface LockState {
  pid: number;
  /** A child process the holder started (a Neo4j JVM, a redis-server). */
  childPid: number | null;
}

export interface Lock {
  recordChild(pid: number): void;
  release(): void;
}

export declare function isAlive(pid: number): boolean;
export declare function lockHolder(file: string): LockState | undefined;
export declare function acquireLock(file: string, what: string): { lock: Lock; stale: LockState | undefined };
