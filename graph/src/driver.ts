import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
import { toDomainError } from './errors.js';
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
}

/**
 * One per process. Wraps the driver so every transaction runs through the same error mapping
 * and so callers never see driver types beyond `Tx`.
 */
export class Database {
  readonly driver: Driver;
  readonly name: string | undefined;
  private readonly onQuery: (() => void) | undefined;

  constructor(connection: Neo4jConnection, options: DatabaseOptions = {}) {
    this.name = connection.database;
    this.onQuery = options.onQuery;
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
    return this.run('READ', work);
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
    const session = this.driver.session({ database: this.name });
    try {
      this.onQuery?.();
      const result = await session.run<T>(cypher, toCypherParams(params));
      return result.records.map((record) => record.toObject());
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const wrapped = (tx: Tx): Promise<T> => work(wrapTx(tx, this.onQuery));
    try {
      return mode === 'READ' ? await session.executeRead(wrapped) : await session.executeWrite(wrapped);
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }
}

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

/** A transaction whose `run` converts parameters (and counts round trips when asked to). */
function wrapTx(tx: Tx, onQuery: (() => void) | undefined): Tx {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === 'run') {
        return (query: string, parameters?: Record<string, unknown>) => {
          onQuery?.();
          return target.run(query, toCypherParams(parameters ?? {}));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
