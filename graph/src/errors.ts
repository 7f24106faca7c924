import { Neo4jError } from 'neo4j-driver';

/**
 * Domain errors leave `graph` with a stable code. The API turns them into GraphQL errors or
 * typed results; nothing outside this file looks at Neo4j error codes.
 */
export type DomainErrorCode =
  | 'DATABASE_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'INTEGRITY'
  /** Someone else changed the entry since the editor saw it. */
  | 'EDIT_CONFLICT'
  /** A frozen snapshot ("vastgelegd") cannot be changed. */
  | 'CIRCLE_FROZEN'
  /** The circle holds the most entries it may hold. */
  | 'CIRCLE_FULL'
  /** A wijkkaart change names an organisation or key figure outside the wijk it is made for. */
  | 'OUTSIDE_DISTRICT'
  /** A key figure appears on a map, or in a link, only with their recorded consent. */
  | 'CONSENT_REQUIRED'
  /** The transaction ran past its time limit and Neo4j ended it, rolled back (issue 12). */
  | 'TIMEOUT';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly field: string | undefined;

  constructor(code: DomainErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.field = options?.field;
  }
}

export class DatabaseUnavailableError extends DomainError {
  constructor(cause?: unknown) {
    super('DATABASE_UNAVAILABLE', 'The database does not answer.', { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

export class TransactionTimeoutError extends DomainError {
  constructor(cause?: unknown) {
    super('TIMEOUT', 'The database took too long; nothing was changed.', { cause });
    this.name = 'TransactionTimeoutError';
  }
}

/**
 * A transaction past its `timeout` (driver transaction config), or ended by the server while it
 * waited (a lock it could not get in time). Neo4j 5 says either; the driver reclassifies
 * `Terminated` and `LockClientStopped` as client errors, so they are not retried.
 */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Maps anything the driver throws to a domain error; unknown errors pass through unchanged. */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new DatabaseUnavailableError(error);
    if (TIMEOUT_CODES.has(error.code)) return new TransactionTimeoutError(error);
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new DomainError('CONFLICT', 'A record with this identity already exists.', { cause: error });
    }
    // The driver reports refused or dropped connections with an empty or network-ish code.
    if (error.code === '' || /connect|socket|ECONNREFUSED|ECONNRESET|acquisition/i.test(error.message)) {
      return new DatabaseUnavailableError(error);
    }
  }
  if (error instanceof Error && /ECONNREFUSED|ECONNRESET|EPIPE/.test(error.message)) {
    return new DatabaseUnavailableError(error);
  }
  return error;
}
