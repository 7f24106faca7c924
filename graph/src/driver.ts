import neo4j, { Neo4jError, type BookmarkManager, type Driver, type RecordShape } from 'neo4j-driver';
import { DatabaseUnavailableError, DomainError, toDomainError, TransactionTimeoutError } from './errors.js';
import type { Tx } from './tx.js';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
}

export interface DatabaseOptions {
  /** How long a request may wait for a connection before it fails with DATABASE_UNAVAILABLE. */
  acquisitionTimeoutMs?: number;
  maxPoolSize?: number;
  /** Counts Cypher round trips; used by tests and benchmarks to prove one round trip per read. */
  onQuery?: () => void;
  /** Neo4j ends a read or write transaction that runs longer than this (a TIMEOUT domain error); unbounded when unset. */
  transactionTimeoutMs?: number;
}

/**
 * One per process. Wraps the driver so every transaction runs through the same error mapping
 * and so callers never see driver types beyond `Tx`.
 */
export class Database {
  readonly driver: Driver;
  readonly name: string | undefined;
  private readonly onQuery: (() => void) | undefined;
  private readonly transactionTimeoutMs: number | undefined;
  /** Set on a causal view only (see `causal`). */
  private readonly chain: CausalChain | undefined;
  /** Set on a guarded view only (see `guarded`). */
  private readonly gate: CommitGate | undefined;

  constructor(connection: Neo4jConnection, options: DatabaseOptions = {}) {
    this.name = connection.database;
    this.onQuery = options.onQuery;
    this.transactionTimeoutMs = options.transactionTimeoutMs;
    this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      // Every integer we store (rings, counts, years) fits in a double; ids are UUID strings.
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxPoolSize ?? 50,
      connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? 5_000,
      connectionTimeout: 3_000,
      // Fail fast instead of retrying for 30 s: the API answers DATABASE_UNAVAILABLE and recovers by itself.
      maxTransactionRetryTime: 2_000,
    });
  }

  async read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    // Neo4j reads at read-committed: a read racing an edit's commit can match an entry and then find
    // it gone (a deleted node's properties read as null), which the strict mappers refuse as
    // INTEGRITY. The soak run (issue 12) met it about once in 10,000 circle reads beside removals.
    // Read again: the commit has ended by then. A fault that stays is a real one, and is raised.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.run('READ', work);
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !(error instanceof DomainError && error.code === 'INTEGRITY')) throw error;
      }
    }
  }

  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.run('WRITE', work);
  }

  /**
   * One statement in its own auto-commit transaction: one round trip instead of three (begin, run,
   * commit), and no retries. For schema statements (which cannot share a transaction with data)
   * and for single-statement writes on a hot path that handle failure themselves (the audit writer).
   */
  async autoCommit<T extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const session = this.driver.session({ database: this.name, bookmarkManager: this.chain?.manager });
    try {
      this.onQuery?.();
      const result = await withoutStackCapture(() => session.run<T>(cypher, toCypherParams(params)));
      if (this.chain) this.chain.wrote = true;
      return result.records.map((record) => record.toObject());
    } catch (error) {
      throw this.failed(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * The same driver and pool, with every read and write transaction bounded by `timeoutMs` (the
   * API's request budget, issue 12). Closing either closes the one driver.
   */
  withTransactionTimeout(timeoutMs: number): Database {
    const bounded = Object.create(Database.prototype) as Database;
    return Object.assign(bounded, this, { transactionTimeoutMs: timeoutMs });
  }

  /**
   * The same driver and pool (and transaction timeout), where every transaction starts from what
   * `bookmarks` name, and from each transaction the view committed before it (issue 12). One per
   * API request, seeded with the bookmarks the client brought: on a Neo4j cluster a read then
   * waits until the server it is routed to has applied the client's own writes, made through any
   * API instance; without this, a read after a write may go to a follower that lags behind. On
   * one server every read already sees every commit, and the view changes nothing. Bookmarks
   * must come from Neo4j: a malformed one fails the transaction.
   */
  causal(bookmarks: readonly string[]): Database {
    const chain: CausalChain = {
      manager: neo4j.bookmarkManager({ initialBookmarks: bookmarks }),
      seeded: bookmarks.length > 0,
      wrote: false,
      refused: false,
    };
    const view = Object.create(Database.prototype) as Database;
    return Object.assign(view, this, { chain });
  }

  /**
   * The same driver and pool, where every write transaction asks `gate` before it commits (issue
   * 12). The API answers a request that takes too long with TIMEOUT; a write of that request that
   * had not begun to commit must then roll back, or the client is told "not done" about a change
   * that was made (and a retry makes it twice). The gate refuses once the answer has gone; while a
   * commit is under way, the API waits for it instead of answering TIMEOUT.
   */
  guarded(gate: CommitGate): Database {
    const view = Object.create(Database.prototype) as Database;
    return Object.assign(view, this, { gate });
  }

  /** Where a causal view stands now: what to hand the client for its next request. Undefined for a plain Database. */
  async causalState(): Promise<CausalState | undefined> {
    if (!this.chain) return undefined;
    const { manager, wrote, refused } = this.chain;
    return { bookmarks: [...(await manager.getBookmarks())], wrote, refused };
  }

  /**
   * A read's statements each run in their own auto-commit transaction (issue 13): one round trip
   * each instead of begin, run and commit, about a millisecond of Neo4j's CPU less per read.
   * Neo4j reads at read-committed either way, so statements of one read never saw one snapshot;
   * reads take no locks. What the driver's managed transaction added, a retry on a transient
   * failure, is done here, within the same time budget.
   */
  private async runRead<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const started = Date.now();
    for (;;) {
      const session = this.driver.session({
        database: this.name,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.chain?.manager,
      });
      const config = this.transactionTimeoutMs === undefined ? undefined : { timeout: this.transactionTimeoutMs };
      const onQuery = this.onQuery;
      const tx = {
        run: (query: string, parameters?: Record<string, unknown>) => {
          onQuery?.();
          return withoutStackCapture(() => session.run(query, toCypherParams(parameters ?? {}), config));
        },
      } as unknown as Tx;
      try {
        return await work(tx);
      } catch (error) {
        if (!(error instanceof Neo4jError && neo4j.isRetryableError(error) && Date.now() - started < RETRY_WITHIN_MS))
          throw this.failed(error);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    if (mode === 'READ') return this.runRead(work);
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.chain?.manager,
    });
    const gate = this.gate;
    let committing = false;
    const wrapped = async (tx: Tx): Promise<T> => {
      if (gate?.abandoned()) throw new TransactionTimeoutError();
      const result = await work(wrapTx(tx, this.onQuery));
      // Last moment before the driver commits: refused, the work is rolled back (a retry asks again).
      if (gate && !committing) {
        if (!gate.enter()) throw new TransactionTimeoutError();
        committing = true;
      }
      return result;
    };
    try {
      const config = this.transactionTimeoutMs === undefined ? undefined : { timeout: this.transactionTimeoutMs };
      const written = await session.executeWrite(wrapped, config);
      if (this.chain) this.chain.wrote = true;
      return written;
    } catch (error) {
      throw this.failed(error);
    } finally {
      if (committing) gate?.leave();
      await session.close();
    }
  }

  /**
   * The domain error for a failed transaction. Neo4j refuses a bookmark it cannot parse at once,
   * and one it has not reached (a lagging follower; a database restored from a backup older than
   * the bookmark) after `db.transaction.bookmark_ready_timeout`, or the transaction's own timeout
   * first: the database cannot answer this client now. A causal view seeded with bookmarks
   * remembers it, so the API drops the client's bookmarks instead of failing every request.
   */
  private failed(error: unknown): unknown {
    const refusedBookmarks = error instanceof Neo4jError && BOOKMARK_CODES.has(error.code);
    const domain = refusedBookmarks ? new DatabaseUnavailableError(error) : toDomainError(error);
    if (this.chain?.seeded && (refusedBookmarks || (domain instanceof DomainError && domain.code === 'TIMEOUT'))) {
      this.chain.refused = true;
    }
    return domain;
  }
}

/** One request's say over its commits; see `Database.guarded` and api/src/server.ts. */
export interface CommitGate {
  /** The request was answered already (TIMEOUT): no transaction of it may start or commit. */
  abandoned(): boolean;
  /** A commit begins; false when the request was answered already. */
  enter(): boolean;
  /** The commit ended (committed or failed). */
  leave(): void;
}

/** What a causal view did; shared by its copies (`withTransactionTimeout` copies fields). */
interface CausalChain {
  readonly manager: BookmarkManager;
  /** The view was given bookmarks (a client that wrote before). */
  readonly seeded: boolean;
  wrote: boolean;
  refused: boolean;
}

export interface CausalState {
  /** The bookmarks after the view's last committed transaction; the ones it was given before any. */
  bookmarks: string[];
  /** A write transaction (or auto-commit statement) of the view committed. */
  wrote: boolean;
  /** Neo4j refused the bookmarks the view was given, or a transaction timed out (perhaps waiting for them). */
  refused: boolean;
}

/** A read refused by a mapper is run this often in all before its INTEGRITY error is raised. */
const READ_ATTEMPTS = 3;
/** As the driver's `maxTransactionRetryTime` (see the constructor). */
const RETRY_WITHIN_MS = 2_000;

/** Neo4j's answers to bookmarks it cannot use: malformed, mixed, or not reached within its wait. */
const BOOKMARK_CODES = new Set([
  'Neo.ClientError.Transaction.InvalidBookmark',
  'Neo.ClientError.Transaction.InvalidBookmarkMixture',
  'Neo.TransientError.Transaction.BookmarkTimeout',
]);

/**
 * JavaScript numbers travel as floats; Cypher needs integers for LIMIT, and rings, positions and
 * counts must be stored as integers. Whole numbers in parameters become Neo4j integers here, once.
 */
export function toCypherParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toCypherParams(inner)]));
  }
  return value;
}

/**
 * Runs `start` (which must start a statement synchronously) while Error.stackTraceLimit is 0. The
 * driver formats a JavaScript stack trace for every statement it starts, to attach to a server error
 * that may come back (issue 13: 0.25 ms of CPU per statement, more than decoding a circle). Our
 * errors get their stack where graph maps them (toDomainError); the driver's would only name its own
 * internals after an await anyway.
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A transaction whose `run` converts parameters (and counts round trips when asked to). */
function wrapTx(tx: Tx, onQuery: (() => void) | undefined): Tx {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === 'run') {
        return (query: string, parameters?: Record<string, unknown>) => {
          onQuery?.();
          return withoutStackCapture(() => target.run(query, toCypherParams(parameters ?? {})));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
